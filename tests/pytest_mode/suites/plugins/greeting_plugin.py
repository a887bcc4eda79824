"""A local plugin module: an option and a fixture reading it."""
import pytest


def pytest_addoption(parser):
    parser.addoption("--greeting", default="hello", help="the greeting")


@pytest.fixture
def greeting(request):
    return request.config.getoption("--greeting")
