"""Which source lines a traceback entry shows, as pytest chooses them.

pytest prints, for a long entry, the failing function from its first line
(decorators included) down to the end of the statement that failed, so a
multi-line call is shown whole and lines after it are not.  The statement's
end comes from the file's AST (the next statement start) refined by the
tokenizer (``inspect.BlockFinder``), then trailing blank and comment lines
are dropped.  The same rule gives the indentation of the ``E`` lines.
"""
from __future__ import annotations

import ast
import inspect
import textwrap
import tokenize
import warnings
from bisect import bisect_right
from types import CodeType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List, Optional, Tuple


def dedent_lines(lines: List[str]) -> List[str]:
    """Remove the common leading whitespace, as ``textwrap.dedent`` does."""
    return textwrap.dedent("\n".join(lines)).splitlines()


class _FileStatements:
    """A file's lines, right-stripped, and where its statements start
    (None when it does not parse), for the lines linecache holds."""

    __slots__ = ("cached", "lines", "starts")

    def __init__(self, cached: List[str]) -> None:
        self.cached = cached
        self.lines = [line.rstrip() for line in cached]
        try:
            self.starts: Optional[List[int]] = statement_starts(self.lines)
        except SyntaxError:
            self.starts = None


# By file name: every failure in a file shows its lines, parsed once (a
# parse of the whole file per failure was most of a failure's report).
_FILES: Dict[str, _FileStatements] = {}


def _file_statements(code: CodeType) -> Optional[_FileStatements]:
    """The statements of the file holding ``code``; None if unknown. A
    file linecache read again (changed on disk) is parsed again."""
    try:
        cached, _ = inspect.findsource(code)
    except Exception:
        return None
    found = _FILES.get(code.co_filename)
    if found is None or found.cached is not cached:
        found = _FILES[code.co_filename] = _FileStatements(cached)
    return found


def statement_starts(lines: List[str]) -> List[int]:
    """0-based lines where a statement (or its decorators, else/finally)
    begins, sorted. Raises SyntaxError when ``lines`` do not parse."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse("\n".join(lines), "source", "exec")
    starts: List[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.stmt, ast.ExceptHandler)):
            continue
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            starts.extend(d.lineno - 1 for d in node.decorator_list)
        starts.append(node.lineno - 1)
        for block in ("finalbody", "orelse"):
            body = getattr(node, block, None)
            if body:
                starts.append(body[0].lineno - 2)
    starts.sort()
    return starts


def statement_range(lineno: int, lines: List[str], starts: List[int]) -> Tuple[int, int]:
    """(start, end) of the statement holding 0-based ``lineno``, given the
    ``statement_starts`` of ``lines``."""
    index = bisect_right(starts, lineno)
    start = starts[index - 1]
    end = starts[index] if index < len(starts) else len(lines)
    if end > start + 1:
        finder = inspect.BlockFinder()
        finder.started = lines[start][0].isspace()
        feed = (line + "\n" for line in lines[start:end])
        try:
            for token in tokenize.generate_tokens(lambda: next(feed)):
                finder.tokeneater(*token)
        except (inspect.EndOfBlock, IndentationError):
            end = finder.last + start
        except Exception:
            pass
    while end:
        text = lines[end - 1].lstrip()
        if text and not text.startswith("#"):
            break
        end -= 1
    return start, end


def statement_lines(lines: List[str], lineno: int) -> List[str]:
    """The lines of the statement holding ``lineno`` within ``lines``."""
    if not 0 <= lineno < len(lines):
        raise IndexError("lineno out of range")
    start, end = statement_range(lineno, lines, statement_starts(lines))
    return lines[start:end]


def entry_source(code: CodeType, lineno: int) -> Optional[List[str]]:
    """Dedented lines from the code's first line to the end of the
    statement at 0-based ``lineno``; None when the file is unavailable."""
    statements = _file_statements(code)
    if statements is None:
        return None
    lines = statements.lines
    if statements.starts is None:
        end = lineno + 1
    else:
        _, end = statement_range(lineno, lines, statements.starts)
    return dedent_lines(lines[code.co_firstlineno - 1:end])
