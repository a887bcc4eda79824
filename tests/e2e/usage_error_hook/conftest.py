"""A collection hook that refuses the selection: pytest reports what it
collected, runs nothing, and exits 4 with the error on stderr."""
import pytest


def pytest_collection_modifyitems(config, items):
    raise pytest.UsageError(f"refusing {len(items)} items")
