"""Where pytest's own code would have issued a warning or a skip the
engine issues.

Some warnings are located in pytest's code: the ones pytest itself issues
(a test returning a value, an unhandled coroutine, nose methods) and the
ones whose ``stacklevel`` reaches the code that calls a test or fixture
function (``pytest.warns(None)``: "_pytest/python.py:195 ... result =
testfunction(**testargs)"); so is the skip of an unhandled coroutine
(``-rs`` shows where it was raised). The engine issues them from its own lines,
each marked with the line of pytest's it stands for::

    result = function(**arguments)  # pytest's site: python.py: result = testfunction(**testargs)

A marker names a file of the ``_pytest`` package and that line's text,
stripped; ``\\`` joins the texts of consecutive lines when one alone is
ambiguous (``warnings.warn( \\ PytestReturnNotNoneWarning(``: the
``warnings.warn(`` followed by that one), and a text ending in ``...``
stands for a line that starts with the rest (one with a ``\\`` of its
own). ``translate`` turns such a location into pytest's, found in the
pytest installed where the tests run: the warnings summary then shows
what pytest shows. Without pytest the location stays the engine's."""
from __future__ import annotations

import functools
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

_MARKER = "# pytest's site: "
_ENGINE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def translate(filename: str, lineno: int) -> Tuple[str, int]:
    """pytest's (file, line) for a location on a marked line of the
    engine, else the location as it is."""
    if not filename.startswith(_ENGINE_FOLDER):
        return filename, lineno
    import linecache  # (with tokenize, for the few warnings located here)

    marker = linecache.getline(filename, lineno).partition(_MARKER)[2].strip()
    if not marker:
        return filename, lineno
    name, _, text = marker.partition(": ")
    return _pytest_line(name, text) or (filename, lineno)


@functools.lru_cache(maxsize=None)
def _pytest_line(name: str, text: str) -> Optional[Tuple[str, int]]:
    """The first line of ``_pytest/<name>`` starting the consecutive lines
    ``text`` describes, in the pytest the tests would run under."""
    found = _pytest_lines(name)
    if found is None:
        return None
    path, lines = found
    wanted = [part.strip() for part in text.split("\\")]
    for index in range(len(lines) - len(wanted) + 1):
        if all(_matches(line, text) for line, text in zip(lines[index:index + len(wanted)], wanted)):
            return path, index + 1
    return None


@functools.lru_cache(maxsize=None)
def function_line(name: str, function: str, text: str) -> Optional[Tuple[str, int, int]]:
    """(path, line of ``def function``, line ``text`` within it), 1-based,
    in ``_pytest/<name>`` of the pytest the tests would run under; None
    without that pytest, or when its code has no such line."""
    found = _pytest_lines(name)
    if found is None:
        return None
    path, lines = found
    start = next((index for index, line in enumerate(lines) if line.startswith(f"def {function}(")), None)
    if start is None:
        return None
    line = next((index for index in range(start, len(lines)) if lines[index] == text), None)
    return None if line is None else (path, start + 1, line + 1)


def _pytest_lines(name: str) -> Optional[Tuple[str, List[str]]]:
    """(path, its lines stripped) of ``_pytest/<name>`` in the pytest the
    tests would run under; None without that pytest."""
    folder = _pytest_folder()
    if folder is None:
        return None
    import linecache  # (with tokenize, for the few locations looked up)

    path = os.path.join(folder, name)
    return path, [line.strip() for line in linecache.getlines(path)]


def _matches(line: str, text: str) -> bool:
    return line.startswith(text[:-3]) if text.endswith("...") else line == text


def _pytest_folder() -> Optional[str]:
    """The ``_pytest`` package's folder on ``sys.path``, found without
    importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("_pytest")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return os.path.dirname(spec.origin)
