import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "fast: a fast test")


@pytest.fixture(scope="session")
def resource():
    return {"count": 0}
