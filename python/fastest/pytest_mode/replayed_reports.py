"""Workers' test reports as pytest's TestReport, for the process that
forked the workers.

pytest-xdist's controller hears every report its workers make (its
pytest_runtest_logreport hook runs for each), so that what runs there at
the session's end (the terminal summary's plugins and conftests, reading
the terminal reporter's stats; the session's failure count and exit
status; --lf's record of failures) sees the whole session. fastest's
parent hears its workers' reports the same way, rebuilt from the events
they sent (docs/engine-events.md): node id, location, phase, outcome,
duration, sections, user properties, wasxfail, and as longrepr the
failure's rendered text or the skip's (path, line, reason).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from _pytest.reports import TestReport


def _line(event: Dict[str, Any], key: str) -> Optional[int]:
    line = event.get(key, -1)
    return None if line < 0 else line


def _longrepr(event: Dict[str, Any]) -> Any:
    if "skip_reason" in event:
        return (event.get("skip_path", ""), _line(event, "skip_line"), event["skip_reason"])
    if event["outcome"] == "failed":
        return event.get("longrepr", "")
    return None


def location_from_event(event: Dict[str, Any]) -> Tuple[str, Optional[int], str]:
    """An item's location as pytest gives it (path, 0-based line, domain)."""
    return (event.get("location_path", ""), _line(event, "location_line"), event.get("location_domain", ""))


def report_from_event(event: Dict[str, Any]) -> TestReport:
    report = TestReport(
        event["node_id"],
        location_from_event(event),
        {},
        event["outcome"],
        _longrepr(event),
        event["phase"],
        sections=[tuple(section) for section in event.get("sections", ())],
        duration=event.get("duration", 0.0),
        user_properties=[tuple(pair) for pair in event.get("properties", ())],
    )
    if "wasxfail" in event:
        report.wasxfail = event["wasxfail"]
    return report
