"""An installed plugin (entry point pytest11 in skip_slow-1.0.dist-info):
tests marked slow are skipped, as pytest-astropy's plugin skips them
without --run-slow."""
import pytest


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="skip_slow: slow tests are skipped")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
