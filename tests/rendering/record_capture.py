"""pytest plugin: writes every report's outcome and captured-output sections
to the JSON file named by FASTEST_CAPTURE_RECORD (``-p record_capture``)."""

import json
import os

_records = []


def pytest_runtest_logreport(report):
    _records.append({
        "nodeid": report.nodeid,
        "when": report.when,
        "outcome": report.outcome,
        "sections": [list(s) for s in report.sections if s[0].startswith("Captured std")],
    })


def pytest_sessionfinish(session):
    with open(os.environ["FASTEST_CAPTURE_RECORD"], "w", encoding="utf-8") as out:
        json.dump(_records, out, indent=1)
