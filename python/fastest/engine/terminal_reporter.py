"""What a conftest's ``pytest_terminal_summary`` gets as
``terminalreporter``: pytest's TerminalReporter as far as such hooks use it.

``stats`` files the session's reports by category as pytest's reporter
does ("passed", "failed", "error", "skipped", "xfailed", "xpassed", "" for
passed setups and teardowns, collection errors under "error", "deselected"
for the items left out, and the warnings summary's "warnings", each a
``WarningReport``).
``write``, ``line``, ``write_line``, ``write_sep``, ``section`` and ``_tw``
write text that fastest's console prints where pytest's reporter would:
after PASSES, before the short test summary
(plugins/reporters/console/summary.c). Whether pytest's ``ensure_newline``
breaks the line first depends on what the console wrote before (pytest's
``currentfspath``): the text records where it was first asked.
"""
from __future__ import annotations

import contextlib

from .hooks import run_hook
from .terminal_writer import TextWriter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Union


# The exit statuses after which pytest's terminal reporter writes its
# summary: OK, TESTS_FAILED, INTERRUPTED, USAGE_ERROR, NO_TESTS_COLLECTED.
SUMMARY_EXIT_STATUSES = (0, 1, 2, 4, 5)


def report_category(report: Any) -> str:
    """pytest_report_teststatus's category: skipping's for xfail and xpass,
    runner's for setup and teardown, the terminal's otherwise."""
    if hasattr(report, "wasxfail"):
        if report.skipped:
            return "xfailed"
        if report.passed:
            return "xpassed"
    if report.when in ("setup", "teardown"):
        if report.failed:
            return "error"
        return "skipped" if report.skipped else ""
    if report.when == "collect" and report.failed:
        return "error"
    return report.outcome


class WarningReport:
    """pytest's record of one warning in ``stats["warnings"]``."""

    # pytest's module: a conftest may check the type's name.
    __module__ = "_pytest.terminal"
    count_towards_summary = True

    def __init__(self, event: Dict[str, Any]) -> None:
        # warning_record_to_str's text; the test's node id, "" outside tests.
        self.message: str = event["warning_message"]
        self.nodeid: Optional[str] = event.get("node_id", "")
        self.fslocation = (event["location_path"], event["location_line"])

    def get_location(self, config: Any) -> Optional[str]:
        """The test's node id, else the warning's file (relative to the
        invocation dir, pytest's bestrelpath) and line."""
        import os

        if self.nodeid:
            return self.nodeid
        filename, lineno = self.fslocation
        return f"{os.path.relpath(filename, str(config.invocation_params.dir))}:{lineno}"

    def __repr__(self) -> str:
        return f"WarningReport(message={self.message!r}, nodeid={self.nodeid!r}, fslocation={self.fslocation!r}, count_towards_summary=True)"


class TerminalReporter:
    # pytest's module: a conftest may check the type's name.
    __module__ = "_pytest.terminal"

    def __init__(self, config: Any, width: int, markup: bool, session: Any, start_time: float) -> None:
        self.config = config
        self.stats: Dict[str, List[Any]] = {}
        # pytest's private attributes conftests commonly read for their
        # summary: the session, when it started (time.time()), and how
        # many items its collection built (Session._built_count).
        self._session = session
        self._sessionstarttime = start_time
        self._numcollected = 0
        self._tw = TextWriter(width, markup=markup, code_highlight=False)
        self._newline_at: Optional[int] = None

    @property
    def hasmarkup(self) -> bool:
        return self._tw.hasmarkup

    @property
    def verbosity(self) -> int:
        return self.config.getoption("verbose")

    def record(self, report: Any) -> None:
        self.stats.setdefault(report_category(report), []).append(report)

    def record_warning(self, event: Dict[str, Any]) -> None:
        self.stats.setdefault("warnings", []).append(WarningReport(event))

    def deselect(self, items: List[Any]) -> None:
        if items:
            self.stats.setdefault("deselected", []).extend(items)

    # --- pytest's TerminalReporter writing methods ---
    def ensure_newline(self) -> None:
        if self._newline_at is None:
            self._newline_at = len(self._tw.text())

    def write(self, content: str, *, flush: bool = False, **markup: bool) -> None:
        self._tw.write(content, flush=flush, **markup)

    def flush(self) -> None:
        pass

    def write_line(self, line: Union[str, bytes], **markup: bool) -> None:
        if not isinstance(line, str):
            line = str(line, errors="replace")
        self.ensure_newline()
        self._tw.line(line, **markup)

    def write_sep(self, sep: str, title: Optional[str] = None, fullwidth: Optional[int] = None, **markup: bool) -> None:
        self.ensure_newline()
        self._tw.sep(sep, title, fullwidth, **markup)

    def section(self, title: str, sep: str = "=", **markup: bool) -> None:
        self._tw.sep(sep, title, **markup)

    def line(self, msg: str, **markup: bool) -> None:
        self._tw.line(msg, **markup)

    def summarize(self, implementations: List[Any], exitstatus: Any) -> None:
        """Calls the pytest_terminal_summary implementations with this
        reporter; what they print joins what they write through it."""
        with contextlib.redirect_stdout(_Printed(self)):
            run_hook(implementations, terminalreporter=self, exitstatus=exitstatus, config=self.config)

    # --- for the console ---
    def written(self) -> "tuple[str, Optional[int]]":
        """The text written, and the byte offset in it where
        ``ensure_newline`` was first asked (None: never)."""
        text = self._tw.text()
        if self._newline_at is None:
            return text, None
        return text, len(text[: self._newline_at].encode())


class _Printed:
    """``sys.stdout`` while pytest_terminal_summary runs: what it prints
    joins the reporter's text where it is printed."""

    def __init__(self, reporter: TerminalReporter) -> None:
        self._reporter = reporter

    def write(self, text: str) -> int:
        self._reporter.write(text)
        return len(text)

    def flush(self) -> None:
        pass
