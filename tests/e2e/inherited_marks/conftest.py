import pytest


def pytest_collection_modifyitems(config, items):
    # The common pattern: a mark the module or class sets is one of its
    # items' keywords.
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(pytest.mark.skip(reason="slow, by keyword"))
