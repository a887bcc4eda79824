"""A pytest plugin for compare.py: writes ``node_id categories`` lines (the
categories pytest's terminal counts for each report, in report order) to the
file named by FASTEST_OUTCOMES_FILE."""
import os

_outcomes = {}


def pytest_runtest_logreport(report):
    _record(report, report.nodeid)


def pytest_collectreport(report):
    if report.failed:
        _outcomes.setdefault(report.nodeid, []).append("error")
    elif report.skipped:
        _outcomes.setdefault(report.nodeid, []).append("skipped")


def _record(report, nodeid):
    if hasattr(report, "wasxfail"):
        category = {"skipped": "xfailed", "passed": "xpassed"}.get(report.outcome, "failed")
    elif report.failed:
        category = "failed" if report.when == "call" else "error"
    elif report.skipped:
        category = "skipped"
    else:
        category = "passed" if report.when == "call" else ""
    if category:
        _outcomes.setdefault(nodeid, []).append(category)


def pytest_sessionfinish(session):
    with open(os.environ["FASTEST_OUTCOMES_FILE"], "w") as out:
        for node_id, categories in _outcomes.items():
            out.write(f"{node_id} {','.join(categories)}\n")
