"""A conftest found while collecting: its pytest_runtest_logreport hears
the reports of its own folder's tests (pytest's hook proxy), wrapping the
others; what it changes before the reporters see the report reaches them,
and what it prints then comes before the report's progress."""
import pytest

wrapped = []


def pytest_configure(config):
    global loud
    loud = config.getoption("--loud-sub")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_logreport(report):
    if report.when == "call" and report.nodeid.endswith("test_relabelled"):
        report.sections.append(("logreport", "added by the sub conftest"))
        if loud:
            print(f"relabelling {report.nodeid}")
    yield
    wrapped.append(report.nodeid)


def pytest_sessionfinish(session):
    if session.config.getoption("--loud-reports"):
        print(f"\nsub conftest wrapped {len(wrapped)} reports of {len(set(wrapped))} tests")
