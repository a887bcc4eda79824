"""What plugins and conftests write into pytest's terminal summary, kept
for fastest's console.

pytest's terminal reporter writes its summary from one hook,
pytest_terminal_summary: its own wrapper writes ERRORS, FAILURES, the
warnings summary and PASSES, then every implementation of the hook runs (a
conftest's section, a plugin's report, pastebin's link), then the wrapper
writes the short test summary. Under the pytest engine the reporter writes
nowhere (fastest's console writes pytest's sections from the events), so
this wrapper, the innermost, points it (and Python's stdout, for their
print() calls) at a buffer while those implementations run: their text is
what the console prints between PASSES and the short test summary.
pytest's runner writes --durations there too; the console writes those
from the reports, so the runner's implementation finds no --durations
while the buffer is on.
"""
from __future__ import annotations

import contextlib
import io
from typing import Any, Generator

from _pytest._io import TerminalWriter
from _pytest.config import hookimpl


class TerminalSummary:
    """A pytest plugin; ``text`` is what the hook's implementations wrote."""

    def __init__(self, markup: bool) -> None:
        self._markup = markup
        self.text = ""

    @hookimpl(hookwrapper=True, trylast=True)
    def pytest_terminal_summary(self, terminalreporter: Any) -> Generator[None, None, None]:
        silenced = terminalreporter._tw
        kept = io.StringIO()
        writer = TerminalWriter(file=kept)
        writer.hasmarkup = self._markup
        writer.fullwidth = silenced.fullwidth
        option = terminalreporter.config.option
        durations = option.durations
        terminalreporter._tw, option.durations = writer, None
        try:
            # print() there reaches the terminal among the reporter's lines.
            with contextlib.redirect_stdout(kept):
                yield
        finally:
            terminalreporter._tw, option.durations = silenced, durations
        self.text += kept.getvalue()
