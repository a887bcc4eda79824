import pytest

from outer import EVENTS


@pytest.fixture(scope="package")
def package_resource():
    EVENTS.append("resource setup")
    yield len(EVENTS)
    EVENTS.append("resource teardown")
