import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before skipping's own implementation: a failure here wins over a
    # skip mark.
    if item.name == "test_marked_skip_but_fails":
        pytest.fail("tryfirst setup hook")


def pytest_runtest_call(item):
    if item.name == "test_call_hook_raises":
        raise RuntimeError("call hook raised before the test")


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # After pytest's own implementation: the fixtures are torn down.
    print(f"inner trylast teardown of {item.name}")
    if item.name == "test_teardown_hook_fails":
        raise RuntimeError("teardown hook failed")


@pytest.fixture
def value():
    return 3


def pytest_report_header():
    # Not an initial conftest: loaded after the header is written.
    return "never shown"
