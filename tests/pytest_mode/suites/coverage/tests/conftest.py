import pytest

import measured


@pytest.fixture(scope="session")
def session_log():
    log = []
    yield log
    measured.end_of_session(log)


@pytest.fixture
def resource(session_log):
    handle = measured.open_resource()
    yield handle
    measured.close_resource(handle)
