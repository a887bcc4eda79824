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


def file_lines(code: CodeType) -> Optional[List[str]]:
    """All lines of the file holding ``code``, right-stripped; None if unknown."""
    try:
        lines, _ = inspect.findsource(code)
    except Exception:
        return None
    return [line.rstrip() for line in lines]


def _statement_starts(tree: ast.AST) -> List[int]:
    """0-based lines where a statement (or its decorators, else/finally) begins."""
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


def _parse(lines: List[str]) -> ast.AST:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse("\n".join(lines), "source", "exec")


def statement_range(
    lineno: int, lines: List[str], tree: Optional[ast.AST] = None
) -> Tuple[ast.AST, int, int]:
    """(tree, start, end) of the statement holding 0-based ``lineno``.

    Raises SyntaxError when ``lines`` do not parse and no tree is given.
    """
    if tree is None:
        tree = _parse(lines)
    starts = _statement_starts(tree)
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
    return tree, start, end


def statement_lines(lines: List[str], lineno: int) -> List[str]:
    """The lines of the statement holding ``lineno`` within ``lines``."""
    if not 0 <= lineno < len(lines):
        raise IndexError("lineno out of range")
    _, start, end = statement_range(lineno, lines)
    return lines[start:end]


class SourceCache:
    """Per-render cache of file lines and parsed trees, keyed by file name."""

    def __init__(self) -> None:
        self._trees: Dict[str, ast.AST] = {}

    def entry_source(self, code: CodeType, lineno: int) -> Optional[List[str]]:
        """Dedented lines from the code's first line to the end of the
        statement at 0-based ``lineno``; None when the file is unavailable."""
        lines = file_lines(code)
        if lines is None:
            return None
        first = code.co_firstlineno - 1
        key = code.co_filename
        try:
            tree, _, end = statement_range(lineno, lines, self._trees.get(key))
        except SyntaxError:
            end = lineno + 1
        else:
            self._trees[key] = tree
        return dedent_lines(lines[first:end])

