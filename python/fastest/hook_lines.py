"""The lines a terminal hook's results make, for both engines."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List


def terminal_lines(results: List[Any]) -> str:
    """A terminal hook's results (``pytest_report_header``'s) as pytest's
    terminal writes them (_write_report_lines_from_hooks): the
    last-called implementation's first, each a line or a list of lines;
    '\n'-separated."""
    lines: List[str] = []
    for line_or_lines in reversed(results):
        lines.extend([line_or_lines] if isinstance(line_or_lines, str) else line_or_lines)
    return "\n".join(lines)
