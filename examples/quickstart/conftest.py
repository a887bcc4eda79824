import pytest


@pytest.fixture(scope="session")
def inventory():
    """A session-wide resource, built once and torn down at the end."""
    items = {"apples": 3, "pears": 0}
    yield items
    items.clear()


@pytest.fixture
def basket(inventory):
    return [name for name, count in inventory.items() if count]
