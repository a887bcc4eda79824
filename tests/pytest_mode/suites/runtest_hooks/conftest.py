"""The runtest hooks real conftests use, run natively: pytest_runtest_setup
skipping by mark and recording properties, a pytest_runtest_call wrapper
reading the outcome, pytest_runtest_teardown seeing nextitem."""
import pytest


def pytest_addoption(parser):
    parser.addoption("--network", action="store_true", default=False)


def pytest_runtest_setup(item):
    item.user_properties.append(("setup_hook", item.name))
    print(f"setting up {item.name}")
    if item.get_closest_marker("needs_network") and not item.config.getoption("--network"):
        pytest.skip("needs --network")
    previousfailed = getattr(item.parent, "_previousfailed", None)
    if previousfailed is not None:
        pytest.xfail(f"previous test failed ({previousfailed.name})")
    if "fixture_seen" in item.name:
        # Fixtures are not set up yet when a plain implementation runs.
        assert item.funcargs == {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if item.name == "test_forced":
        # Outside the test's output capture (registered after it): on the
        # terminal, within the test's progress line.
        print("forcing a result")
    outcome = yield
    if outcome.excinfo is not None:
        item.user_properties.append(("call_raised", outcome.excinfo[0].__name__))
    if item.name == "test_forced":
        outcome.force_result(None)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # Two trylast implementations (this one and inner/conftest.py's): pluggy
    # calls the earliest registered first, but the latest first where
    # edge/conftest.py, off the item's path, implements the hook too.
    print(f"tearing down {item.name} before {nextitem.name if nextitem else None}")


@pytest.fixture
def resource():
    yield "resource"
    print("resource released")


def pytest_report_header(config, start_path):
    # After pytest's own header lines; a list is several lines.
    return [f"network: {config.getoption('--network')}", f"started in: {start_path.name}"]


# pytest's documented "incremental" pattern: a plain makereport remembers
# the first failing step of a class, a setup hook xfails the steps after it.
def pytest_runtest_makereport(item, call):
    if "incremental" in item.keywords and call.excinfo is not None:
        item.parent._previousfailed = item


@pytest.fixture
def outcome_seen(request):
    yield
    # The report a hookwrapper kept on the item (inner/conftest.py).
    report = request.node.report_call
    print(f"call of {request.node.name}: {report.outcome}, failed={report.failed}")
