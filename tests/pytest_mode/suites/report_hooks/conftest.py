"""pytest_runtest_logreport in an initial conftest: every report of the
session, the session's end counting them (with workers, the parent hears
them all, as pytest-xdist's controller does); pytest_terminal_summary
writing from the terminal reporter's filed reports; pytest_runtest_logstart
and logfinish around each item."""
import collections
import time

heard = []
started = []
finished = []


def pytest_addoption(parser):
    parser.addoption("--loud-reports", action="store_true", default=False)
    parser.addoption("--loud-sub", action="store_true", default=False)


def pytest_configure(config):
    global loud
    loud = config.getoption("--loud-reports")


def pytest_runtest_logreport(report):
    heard.append((report.nodeid, report.when, report.outcome))
    if loud and report.failed:
        # Written after the report's progress letter, as pytest writes it.
        print(f"\nheard: {report.nodeid} failed at {report.when}")


def pytest_sessionfinish(session, exitstatus):
    counts = collections.Counter(f"{when} {outcome}" for _, when, outcome in heard)
    print(f"\nreports heard: {len(heard)}; " + ", ".join(f"{key}: {n}" for key, n in sorted(counts.items())))
    print(f"items started: {len(started)}, finished: {len(finished)}, last {finished[-1] if finished else None}")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # After PASSES, before the short test summary; the reports filed as
    # pytest's terminal reporter files them, the workers' too.
    categories = ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "", "deselected", "warnings")
    counts = ", ".join(f"{key or 'quiet'} {len(terminalreporter.stats.get(key, []))}" for key in categories)
    terminalreporter.write_sep("-", "report hooks summary", bold=True)
    terminalreporter.write_line(f"exit status {exitstatus!r}: {counts}")
    for report in terminalreporter.stats.get("failed", []):
        terminalreporter.write_line(f"failed: {report.nodeid} ({report.when})", red=True)
    for report in terminalreporter.stats.get("warnings", []):
        terminalreporter.write_line(f"warned: {report.get_location(config)}: {report.message.splitlines()[0].split(': ', 1)[-1]}")
    # pytest's private attributes, which such summaries commonly read.
    elapsed = time.time() - terminalreporter._sessionstarttime
    session = terminalreporter._session
    terminalreporter.write_line(
        f"collected {terminalreporter._numcollected}, failed {session.testsfailed}, "
        f"elapsed plausible {0 <= elapsed < 600}"
    )
    print("printed by the summary hook")


def pytest_collection_finish(session):
    # After "collected N items" (and --collect-only's list): the selected
    # items, in run order.
    print(f"collection finished with {len(session.items)} items, first {session.items[0].name if session.items else None}")


def pytest_runtest_logstart(nodeid, location):
    started.append(nodeid)
    if loud and nodeid.endswith("[2]"):
        print(f"\nstarting {nodeid} at {location[0]}:{location[1]}")


def pytest_runtest_logfinish(nodeid, location):
    finished.append(location[2])
    if loud and nodeid.endswith("[2]"):
        print(f"\nfinished {nodeid}")
