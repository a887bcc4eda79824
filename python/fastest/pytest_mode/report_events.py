"""Turns real pytest's reports into fastest's engine events.

Two uses:
  * as the converter of the pytest engine mode: `EventConverter(config, emit)`
    registered as a pytest plugin calls `emit(event_dict)` for every event of
    docs/engine-events.md, in the order of sdk/include/fastest/event.h;
  * as a recorder for tests: loaded with `-p fastest.pytest_mode.report_events`
    while FASTEST_EVENTS_FILE names a file, it writes every event there as a
    wire frame (docs/wire-protocol.md), which tests/reporters/replay feeds to
    the console reporter to compare its output with pytest's own.

Text fields are rendered exactly as pytest's terminal would show them for the
run's --tb style, without colour, so a reporter prints them verbatim.
"""

from __future__ import annotations

import io
import os
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from _pytest._io import TerminalWriter
from _pytest.pathlib import bestrelpath
from _pytest.warnings import warning_record_to_str

from fastest import clocks
from fastest.junit_records import LogXML as JunitRecords, properties_field
from fastest.pytest_mode.replayed_warnings import warning_record
from fastest.wire.framing import FRAME_EVENT, encode_frame
from fastest.xdist_worker import is_worker

EVENTS_FILE_ENV = "FASTEST_EVENTS_FILE"

Event = Dict[str, Any]
Emit = Callable[[Event], None]


def _location_fields(location: Optional[Tuple[str, Optional[int], str]]) -> Event:
    if location is None:
        return {}
    path, line, domain = location
    return {
        "location_path": path,
        "location_line": -1 if line is None else line,
        "location_domain": domain,
    }


def _render_longrepr(report: Any, width: int, code_highlight: Optional[bool] = None) -> str:
    """The text report.toterminal() prints: without colour, or as a
    coloured terminal shows it when ``code_highlight`` is given (whether
    source is highlighted, pytest's --code-highlight)."""
    buffer = io.StringIO()
    writer = TerminalWriter(file=buffer)
    writer.hasmarkup = code_highlight is not None
    writer.code_highlight = bool(code_highlight)
    writer.fullwidth = width
    report.toterminal(writer)
    return buffer.getvalue()


def _skip_is_folded_per_file(report: Any) -> bool:
    """pytest's _folded_skips groups the setup skip of a test that inherits
    a skip mark (its keywords hold "skip" but not "pytestmark") by file
    only: the key it uses is (path, None, reason)."""
    keywords = getattr(report, "keywords", {})
    return report.when == "setup" and "skip" in keywords and "pytestmark" not in keywords


def _outcome_fields(report: Any, width: Callable[[], int], code_highlight: Optional[bool]) -> Event:
    """longrepr, crash and skip fields of a test or collect report."""
    longrepr = report.longrepr
    if longrepr is None:
        return {}
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        path, line, reason = longrepr
        fields = {
            "skip_path": str(path),
            "skip_line": -1 if line is None else int(line),
            "skip_reason": str(reason),
        }
        if _skip_is_folded_per_file(report):
            fields["skip_folded_per_file"] = True
        return fields
    # The terminal's width, asked only for a failure (most reports pass).
    columns = width()
    fields: Event = {"longrepr": _render_longrepr(report, columns)}
    if code_highlight is not None:
        fields["longrepr_markup"] = _render_longrepr(report, columns, code_highlight)
    if isinstance(longrepr, str):
        fields["longrepr_form"] = "text"
    elif hasattr(longrepr, "reprcrash") and longrepr.reprcrash is None:
        fields["longrepr_form"] = "message_only"
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None:
        fields["crash_path"] = str(crash.path)
        fields["crash_line"] = int(crash.lineno)
        fields["crash_message"] = str(crash.message)
    return fields


class EventConverter:
    """A pytest plugin that reports the session through emit(event)."""

    def __init__(self, config: Any, emit: Emit, junit_records: Optional[JunitRecords] = None,
                 markup: bool = False) -> None:
        self._config = config
        # On a coloured terminal (the core's decision), whether it highlights
        # source; None when it is not coloured.
        self._code_highlight = (getattr(config.option, "code_highlight", "yes") == "yes") if markup else None
        self._emit = emit
        self._junit_records = junit_records
        self._session_start = 0.0
        self._deselected_count = 0
        self._collect_error_count = 0
        self._node_kinds: Dict[str, str] = {}

    def _width(self) -> int:
        try:
            return self._config.get_terminal_writer().fullwidth
        except (AttributeError, KeyError):
            return TerminalWriter(io.StringIO()).fullwidth

    # --- session -------------------------------------------------------

    def pytest_sessionstart(self, session: Any) -> None:
        self._session_start = clocks.time()
        config = self._config
        event: Event = {"kind": "session_start", "rootdir": str(config.rootpath)}
        if config.inipath is not None:
            event["configfile"] = bestrelpath(config.rootpath, config.inipath)
        self._emit(event)

    def pytest_collectreport(self, report: Any) -> None:
        if report.passed:
            return
        if report.failed:
            self._collect_error_count += 1
        event: Event = {
            "kind": "collect_report",
            "node_id": report.nodeid,
            "outcome": report.outcome,
            "sections": [list(section) for section in report.sections],
        }
        event.update(_location_fields(report.location))
        event.update(_outcome_fields(report, self._width, self._code_highlight))
        self._emit(event)

    def pytest_deselected(self, items: Sequence[Any]) -> None:
        self._deselected_count += len(items)

    def pytest_collection_finish(self, session: Any) -> None:
        for item in session.items:
            self._node_kinds[item.nodeid] = type(item).__name__
            if self._config.option.collectonly:
                self._emit({"kind": "item_collected", "node_id": item.nodeid,
                            "node_kind": type(item).__name__})
        self._emit({
            "kind": "collection_finish",
            "item_count": len(session.items),
            "deselected_count": self._deselected_count,
            "error_count": self._collect_error_count,
        })

    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        self._emit({
            "kind": "session_finish",
            "exit_status": int(exitstatus),
            "session_duration": clocks.time() - self._session_start,
        })

    # --- items ---------------------------------------------------------

    def pytest_runtest_logstart(self, nodeid: str, location: Tuple[str, Optional[int], str]) -> None:
        event: Event = {"kind": "item_start", "node_id": nodeid}
        event.update(_location_fields(location))
        self._emit(event)

    def pytest_runtest_logreport(self, report: Any) -> None:
        event: Event = {
            "kind": "test_report",
            "node_id": report.nodeid,
            "phase": report.when,
            "outcome": report.outcome,
            "duration": float(report.duration),
        }
        # Absent means empty (docs/engine-events.md); most reports have neither.
        if report.sections:
            event["sections"] = [list(section) for section in report.sections]
        if report.user_properties:
            event["properties"] = properties_field(report.user_properties)
        # pytest 7.2's reports carry no start/stop; later ones do.
        for stamp in ("start", "stop"):
            if hasattr(report, stamp):
                event[stamp] = float(getattr(report, stamp))
        node_kind = self._node_kinds.get(report.nodeid)
        if node_kind is not None:
            event["node_kind"] = node_kind
        event.update(_location_fields(report.location))
        event.update(_outcome_fields(report, self._width, self._code_highlight))
        if hasattr(report, "wasxfail"):
            event["wasxfail"] = str(report.wasxfail)
        if self._junit_records is not None:
            event.update(self._junit_records.report_fields(report.nodeid))
        self._emit(event)

    def pytest_runtest_logfinish(self, nodeid: str, location: Tuple[str, Optional[int], str]) -> None:
        event: Event = {"kind": "item_finish", "node_id": nodeid}
        event.update(_location_fields(location))
        self._emit(event)

    def pytest_warning_recorded(self, warning_message: Any, when: str, nodeid: str,
                                location: Any) -> None:
        # The summary shows the node id, or else the warning's own file:line
        # (1-based, as the warnings module gives it).
        event: Event = {
            "kind": "warning",
            "warning_message": warning_record_to_str(warning_message),
            "warning_category": warning_message.category.__name__,
            "location_path": str(warning_message.filename),
            "location_line": int(warning_message.lineno),
        }
        if nodeid:
            event["node_id"] = nodeid
        if is_worker(self._config):
            # For the process that forked the workers, which alone reads it.
            event["warning_record"] = warning_record(warning_message, when)
        self._emit(event)


class _FrameFileSink:
    """Writes each event as one FRAME_EVENT frame to a file it owns."""

    def __init__(self, path: str) -> None:
        self._file = open(path, "wb")

    def __call__(self, event: Event) -> None:
        self._file.write(encode_frame(FRAME_EVENT, event))

    def close(self) -> None:
        self._file.close()


_PLUGIN_NAME = "fastest-report-events"


def pytest_configure(config: Any) -> None:
    path = os.environ.get(EVENTS_FILE_ENV)
    if not path:
        return
    sink = _FrameFileSink(path)
    config.pluginmanager.register(EventConverter(config, sink), _PLUGIN_NAME)
    config.add_cleanup(sink.close)


__all__: List[str] = ["EVENTS_FILE_ENV", "EventConverter"]
