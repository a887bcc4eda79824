"""pytest's final summary line ("1 failed, 3 passed, 2 skipped in 0.12s")
as counts, so two tools' runs of one suite can be compared."""
from __future__ import annotations

import re
from typing import Dict

_PART = re.compile(r"(\d+) (failed|passed|skipped|deselected|xfailed|xpassed|warnings?|errors?|tests? collected)\b")
_DURATION = re.compile(r"\bin \d+(\.\d+)?s\b")
_CANONICAL = {"error": "errors", "warning": "warnings", "test collected": "collected", "tests collected": "collected"}


def summary_counts(stdout: str) -> Dict[str, int]:
    """Counts from the last line that looks like a pytest summary (a line
    with 'in N.NNs', or 'no tests ran'); {} when there is none. Warnings are
    left out: the warnings a tool raises itself (xdist's, for one) are not
    the suite's outcomes."""
    for line in reversed(stdout.splitlines()):
        if _DURATION.search(line) or "no tests ran" in line:
            counts: Dict[str, int] = {}
            for number, word in _PART.findall(line):
                word = _CANONICAL.get(word, word)
                if word != "warnings":
                    counts[word] = int(number)
            return counts
    return {}


def describe(counts: Dict[str, int]) -> str:
    """'3 passed, 1 failed' style text of counts, for a flag in a table."""
    return ", ".join(f"{n} {word}" for word, n in sorted(counts.items())) or "no summary line"
