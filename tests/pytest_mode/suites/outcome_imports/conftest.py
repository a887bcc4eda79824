import pytest
from _pytest.outcomes import importorskip as importorskip_outcome


@pytest.fixture
def json_module():
    return importorskip_outcome("json")
