"""Runtest hooks around unittest items and other corners: a wrapper
raising after its yield, a skip in teardown, a report's longrepr read
and replaced."""
import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    outcome = yield
    if item.name == "test_wrapper_raises" and outcome.excinfo is None:
        raise RuntimeError("wrapper raised after the setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.user_properties.append(("outcome", report.outcome))
        item.user_properties.append(("longrepr_kind", type(report.longrepr).__name__))
        if item.name == "test_case_two":
            report.longrepr = "replaced: " + report.longreprtext.splitlines()[-1]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # After the fixtures' teardown: the item's teardown is skipped.
    if item.name == "test_case_one":
        pytest.skip("skipped in teardown")
