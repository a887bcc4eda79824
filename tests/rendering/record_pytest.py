"""pytest plugin: writes every failed report's rendering to a JSON file.

Loaded with ``-p record_pytest``; the file is named by the environment
variable FASTEST_RENDERING_RECORD.  For each failed test phase or collection
it keeps the text pytest writes under the report header (``toterminal`` on
an 80-column writer), ``str(longrepr)`` and the reprcrash triple.
"""

import io
import json
import os

from _pytest._io import TerminalWriter

_records = []


def _terminal_text(longrepr) -> str:
    buffer = io.StringIO()
    writer = TerminalWriter(file=buffer)
    writer.hasmarkup = False
    writer.fullwidth = 80
    if hasattr(longrepr, "toterminal"):
        longrepr.toterminal(writer)
    else:
        writer.line(str(longrepr))
    return buffer.getvalue()


def _record(report, when: str) -> None:
    crash = getattr(report.longrepr, "reprcrash", None)
    _records.append({
        "nodeid": report.nodeid,
        "when": when,
        "terminal": _terminal_text(report.longrepr),
        "str": str(report.longrepr),
        "crash": None if crash is None else [crash.path, crash.lineno, crash.message],
    })


def pytest_runtest_logreport(report):
    if report.failed:
        _record(report, report.when)


def pytest_collectreport(report):
    if report.failed:
        _record(report, "collect")


def pytest_sessionfinish(session):
    with open(os.environ["FASTEST_RENDERING_RECORD"], "w", encoding="utf-8") as out:
        json.dump(_records, out, indent=1)
