import pytest


@pytest.fixture
def shared():
    return "root"


@pytest.fixture(scope="session")
def session_value():
    yield [1]


def pytest_generate_tests(metafunc):
    if "generated" in metafunc.fixturenames:
        metafunc.parametrize("generated", [10, 20])
