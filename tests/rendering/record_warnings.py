"""pytest plugin: writes each test's call outcome and every warning recorded
while running tests (with pytest's summary text) to the JSON file named by
FASTEST_WARNINGS_RECORD (``-p record_warnings``)."""

import json
import os

from _pytest.warnings import warning_record_to_str

_record = {"outcomes": {}, "warnings": []}


def pytest_runtest_logreport(report):
    if report.when == "call":
        _record["outcomes"][report.nodeid] = report.outcome


def pytest_warning_recorded(warning_message, when, nodeid, location):
    if when == "runtest":
        _record["warnings"].append({
            "node_id": nodeid,
            "warning_message": warning_record_to_str(warning_message),
            "warning_category": warning_message.category.__name__,
            "location_path": warning_message.filename,
            "location_line": warning_message.lineno,
        })


def pytest_sessionfinish(session):
    with open(os.environ["FASTEST_WARNINGS_RECORD"], "w", encoding="utf-8") as out:
        json.dump(_record, out, indent=1)
