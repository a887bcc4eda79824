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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)
    if report.when == "call" and report.failed and "flaky" in item.keywords:
        # A failure turned into a pass, its traceback dropped.
        report.outcome = "passed"
        report.longrepr = None
    if report.when == "call" and item.name == "test_section_added":
        report.sections.append(("Captured stdout extra", f"failed={report.failed} crash={report.longrepr.reprcrash.message}\n"))
        item.user_properties.append(("seen_by", "makereport"))
    if report.when == "call" and item.name == "test_xfail_seen":
        print(f"xfail seen: {report.skipped} {report.wasxfail!r}")


# After pytest's documented example: an explanation of its own for
# anything with an amount.
def pytest_assertrepr_compare(config, op, left, right):
    if op == "==" and hasattr(left, "amount") and hasattr(right, "amount"):
        return ["Comparing Money instances:", f"   amounts: {left.amount} != {right.amount}"]
    return None
