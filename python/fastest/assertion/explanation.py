"""The small text language assertion explanations are built in, and its layout.

Rewritten asserts build one string where a newline followed by a marker
character structures the message:

- ``\\n{`` opens a nested explanation, shown as ``+  where ...`` (the first
  at a level) or ``+  and   ...`` (the next ones), indented by depth;
- ``\\n}`` closes it, appending what follows to the line that opened it;
- ``\\n~`` continues the current explanation on a new line (diff lines);
- ``\\n>`` continues it one level less indented (the assert after a custom
  message).

Any other newline is shown escaped as ``\\n``. This is pytest's format,
kept identical so the lines match pytest's ``E`` lines.
"""
from __future__ import annotations
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List

_MARKERS = ("{", "}", "~", ">")

# Explanations longer than this are cut unless -vv or on CI (pytest's limits).
MAX_LINES = 8
MAX_CHARS = 8 * 80


def _split(explanation: str) -> List[str]:
    raw_lines = (explanation or "").split("\n")
    lines = [raw_lines[0]]
    for line in raw_lines[1:]:
        if line and line[0] in _MARKERS:
            lines.append(line)
        else:
            lines[-1] += "\\n" + line
    return lines


def format_explanation(explanation: str) -> str:
    """Lay out an explanation written in the marker language (see module doc)."""
    lines = _split(explanation)
    result = lines[:1]
    # For each open nesting level: the index of the result line it started on,
    # and how many nested explanations it already holds ("where" vs "and").
    openers = [0]
    nested_counts = [0]
    for line in lines[1:]:
        marker, text = line[0], line[1:]
        if marker == "{":
            word = "and   " if nested_counts[-1] else "where "
            openers.append(len(result))
            nested_counts[-1] += 1
            nested_counts.append(0)
            result.append(" +" + "  " * (len(openers) - 1) + word + text)
        elif marker == "}":
            openers.pop()
            nested_counts.pop()
            result[openers[-1]] += text
        else:
            openers[-1] += 1
            indent = len(openers) if marker == "~" else len(openers) - 1
            result.append("  " * indent + text)
    return "\n".join(result)


def running_on_ci() -> bool:
    """True on CI systems, where pytest never truncates and always shows full diffs."""
    return "CI" in os.environ or "BUILD_NUMBER" in os.environ


def _cut_to_chars(lines: List[str], max_chars: int) -> List[str]:
    if len("".join(lines)) <= max_chars:
        return lines
    used = 0
    index = 0
    for index, line in enumerate(lines):
        if used + len(line) > max_chars:
            break
        used += len(line)
    last = lines[index]
    if last:
        last = last[: max_chars - used]
    return lines[:index] + [last]


def truncate(lines: List[str], verbosity: int) -> List[str]:
    """Cut a comparison explanation to MAX_LINES lines / MAX_CHARS characters,
    saying how much was hidden, unless -vv or running on CI."""
    if verbosity >= 2 or running_on_ci():
        return lines
    if len(lines) <= MAX_LINES and len("".join(lines)) <= MAX_CHARS:
        return lines
    kept = _cut_to_chars(lines[:MAX_LINES], MAX_CHARS)
    kept[-1] += "..."
    # The partly kept last line counts as hidden too.
    hidden = len(lines) - len(kept) + 1
    noun = "line" if hidden == 1 else "lines"
    return kept + ["", f"...Full output truncated ({hidden} {noun} hidden), use '-vv' to show"]
