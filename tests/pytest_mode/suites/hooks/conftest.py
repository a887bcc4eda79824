"""The conftest hooks most suites use. A test requesting a fixture no
conftest defines (a plugin's, for all fastest knows) sends the suite to the
pytest engine."""
import pytest


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a slow test")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="need --runslow option to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


def pytest_generate_tests(metafunc):
    if "number" in metafunc.fixturenames:
        metafunc.parametrize("number", [1, 2, 3])


def pytest_runtest_setup(item):
    item.user_properties.append(("setup_hook", item.name))


def pytest_report_header(config):
    # Shown in the header before pytest's rootdir line, as pytest shows it.
    return ["hooks suite: header from a conftest", f"runslow: {config.getoption('--runslow')}"]


def pytest_sessionfinish(session, exitstatus):
    session.config.finished_with = exitstatus


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # Written between PASSES and the short test summary, from the reports
    # of the whole session (with workers too, as under pytest-xdist).
    outcomes = ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "deselected")
    counts = ", ".join(f"{key} {len(terminalreporter.stats.get(key, []))}" for key in outcomes)
    terminalreporter.section("hooks suite summary")
    terminalreporter.write_line(f"exit status {exitstatus}: {counts}")
