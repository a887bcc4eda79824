import os

import pytest
from _pytest.config import Config
from _pytest.fixtures import FixtureRequest
from _pytest.monkeypatch import MonkeyPatch
from _pytest.outcomes import importorskip as importorskip_outcome


def pytest_configure(config: Config) -> None:
    config.addinivalue_line("markers", "typed: registered by a typed conftest")


@pytest.fixture
def json_module():
    return importorskip_outcome("json")


@pytest.fixture
def patched_environment(request: FixtureRequest):
    patch = MonkeyPatch()
    patch.setenv("FASTEST_INTERNAL_IMPORTS", request.node.name)
    yield os.environ["FASTEST_INTERNAL_IMPORTS"]
    patch.undo()
