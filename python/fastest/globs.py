"""Shell-style name matching (``fnmatch``) that skips ``re`` when it can.

``fnmatch`` translates every pattern into a regular expression, and importing
``re`` costs about 7 ms, more than the engine spends on a small run. The
patterns runs meet (``test_*.py``, ``*_test.py``, ``Test``, ``test``) are
literal text and ``*`` only; those are matched here piece by piece, with
fnmatch's POSIX semantics (case-sensitive, ``*`` also crosses ``/``).
Patterns with ``?`` or ``[`` go to fnmatch itself.
"""


def fnmatch(name: str, pattern: str) -> bool:
    """True when ``name`` matches the shell-style ``pattern``."""
    if "?" in pattern or "[" in pattern:
        from fnmatch import fnmatch as full_fnmatch

        return full_fnmatch(name, pattern)
    if "*" not in pattern:
        return name == pattern
    first, *middle, last = pattern.split("*")
    end = len(name) - len(last)
    if end < len(first) or not name.startswith(first) or not name.endswith(last):
        return False
    position = len(first)
    for piece in middle:
        found = name.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True
