"""A module-level pytestmark: its marks are its items' keywords."""
import pytest

pytestmark = pytest.mark.slow


def test_slow_by_module():
    pass
