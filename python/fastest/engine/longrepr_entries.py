"""Text of one exception's traceback, entry by entry, as pytest writes it.

A long entry is the function's source up to the failing statement with a
``>`` marker, the ``E`` lines of the exception on the last entry, the
arguments of the frame, optionally its locals, and ``path:line: Type``.
A short entry is ``path:line: in name`` and the failing line.  ``line`` and
``no`` styles keep only the ``E`` lines.  Consecutive entries are separated
by a ``_ _ _`` rule where pytest puts one.
"""
from __future__ import annotations

import os
import pprint
import traceback as stdlib_traceback

from fastest.assertion.saferepr import describe_repr_failure, saferepr
from fastest.engine.longrepr_source import entry_source, statement_lines
from fastest.engine.longrepr_traceback import Entry, truncate_recursion
from fastest.engine.terminal_writer import TextWriter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple

FLOW_MARKER = ">"
FAIL_MARKER = "E"
_FAIL_PREFIX = FAIL_MARKER + "   "
_ENTRY_RULE = "_ "
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


class Options:
    """What the report asks for: style, paths, locals."""

    __slots__ = ("style", "showlocals", "truncate_locals", "abspath", "funcargs",
                 "drop_hidden", "unstripped")

    def __init__(self, style: str, showlocals: bool, truncate_locals: bool,
                 abspath: bool, funcargs: bool, drop_hidden: bool = False) -> None:
        self.style = style
        self.drop_hidden = drop_hidden
        self.showlocals = showlocals
        self.truncate_locals = truncate_locals
        self.abspath = abspath
        self.funcargs = funcargs
        # An exception whose failed-assert text keeps its "AssertionError: "
        # (the one pytest.raises caught: its ExceptionInfo strips nothing).
        self.unstripped: Optional[BaseException] = None


def safeformat(obj: object) -> str:
    """``pprint.pformat(obj)`` (locals at ``-vv``), never raising."""
    try:
        return pprint.pformat(obj)
    except Exception as exc:
        return describe_repr_failure(exc, obj)


def exception_only(exc: BaseException, tryshort: bool = True) -> str:
    """``Type: message`` (with notes, SyntaxError carets) as Python prints it,
    minus ``AssertionError: `` for failed ``assert`` statements, as pytest's
    ``exconly(tryshort=True)`` (unless ``tryshort`` is false)."""
    text = "".join(stdlib_traceback.format_exception_only(type(exc), exc)).rstrip()
    if tryshort and isinstance(exc, AssertionError) and text.startswith("AssertionError: "):
        shown = getattr(exc, "msg", None)
        if shown is None:
            shown = saferepr(exc)
        if shown and shown.startswith("AssertionError('assert "):
            text = text[len("AssertionError: "):]
    return text


def _exception_lines(exc: BaseException, indent: int, markall: bool, tryshort: bool) -> List[str]:
    lines = []
    prefix = FAIL_MARKER + " " * (indent - 1)
    for line in exception_only(exc, tryshort).split("\n"):
        lines.append(prefix + line)
        if not markall:
            prefix = " " * indent
    return lines


def _failure_indent(source: List[str]) -> int:
    """Column of the ``E`` text: 4 plus the indent of the last statement."""
    try:
        last = "\n".join(statement_lines(source, len(source) - 1))
    except BaseException:
        try:
            last = source[-1]
        except BaseException:
            return 0
    return 4 + (len(last) - len(last.lstrip()))


def _source_lines(source: Optional[List[str]], index: int, exc: Optional[BaseException],
                  short: bool, tryshort: bool) -> List[str]:
    if source is None or index >= len(source):
        source, index = ["???"], 0
    if index < 0:
        index += len(source)
    if short:
        lines = ["    " + source[index].strip()]
    else:
        lines = ["    " + line for line in source[:index]]
        lines.append(FLOW_MARKER + "   " + source[index])
        lines.extend("    " + line for line in source[index + 1:])
    if exc is not None:
        indent = 4 if short else _failure_indent(source)
        lines.extend(_exception_lines(exc, indent, markall=True, tryshort=tryshort))
    return lines


def _write_entry_lines(out: TextWriter, lines: List[str], style: str) -> None:
    """Source lines go through pytest's highlighter path (joined, then
    re-split with ``splitlines``); from the first ``E`` line on, bold red."""
    indents: List[str] = []
    source: List[str] = []
    failure: List[str] = []
    for index, line in enumerate(lines):
        if line.startswith(_FAIL_PREFIX):
            failure = lines[index:]
            break
        if style == "value":
            source.append(line)
        else:
            indents.append(line[:4])
            source.append(line[4:])
    if not indents:
        indents = [""] * len(source)
    out.source(source, indents)
    for line in failure:
        out.line(line, bold=True, red=True)


def _display_path(entry: Entry, options: Options) -> str:
    path, exists = entry.path()
    if options.abspath or not exists:
        return path
    try:
        relative = os.path.relpath(path, os.getcwd())
    except (OSError, ValueError):
        return path
    return relative if len(relative) < len(path) else path


def _locals_lines(entry: Entry, options: Options) -> Optional[List[str]]:
    if not options.showlocals:
        return None
    namespace = entry.frame.f_locals
    lines = []
    for name in sorted(n for n in namespace if n[0] != "@"):
        value = namespace[name]
        if name == "__builtins__":
            lines.append("__builtins__ = <builtins>")
            continue
        shown = saferepr(value) if options.truncate_locals else safeformat(value)
        lines.append(f"{name:<10} = {shown}")
    return lines


def _argument_pairs(entry: Entry) -> List[Tuple[str, str]]:
    """The frame's arguments as pytest lists them (its count of ``*args`` /
    ``**kwargs`` slots is the flag value, kept for identical output)."""
    code = entry.code
    count = code.co_argcount + (code.co_flags & _CO_VARARGS) + (code.co_flags & _CO_VARKEYWORDS)
    namespace = entry.frame.f_locals
    return [(name, saferepr(namespace[name]))
            for name in code.co_varnames[:count] if name in namespace]


def _write_arguments(out: TextWriter, pairs: List[Tuple[str, str]]) -> None:
    if not pairs:
        return
    current = ""
    for name, value in pairs:
        item = f"{name} = {value}"
        if len(item) + len(current) + 2 > out.width:
            if current:
                out.line(current)
            current = item
        else:
            current = current + ", " + item if current else item
    if current:
        out.line(current)
    out.line("")


def _file_location(out: TextWriter, path: str, lineno: int, message: str) -> None:
    """``path:line: message`` (first line of the message only)."""
    first_line = message.split("\n", 1)[0]
    out.write(path, bold=True, red=True)
    out.line(f":{lineno}: {first_line}")


def _write_entry(out: TextWriter, entry: Entry, exc: Optional[BaseException],
                 options: Options) -> None:
    """Write one entry; ``exc`` is given for the last entry only."""
    style = entry.style or options.style
    tryshort = exc is not options.unstripped
    if style not in ("short", "long"):
        if exc is not None:
            lines = (str(exc).split("\n") if style == "value"
                     else _exception_lines(exc, 4, markall=False, tryshort=tryshort))
            _write_entry_lines(out, lines, style)
        return
    source = entry_source(entry.code, entry.lineno)
    index = entry.lineno - (entry.code.co_firstlineno - 1) if source is not None else 0
    short = style == "short"
    lines = _source_lines(source, index, exc, short, tryshort)
    location = (_display_path(entry, options), entry.lineno + 1,
                f"in {entry.code.co_name}" if short else (type(exc).__name__ if exc else ""))
    local_lines = _locals_lines(entry, options)
    if short:
        _file_location(out, *location)
        _write_entry_lines(out, lines, style)
        for line in local_lines or ():
            out.line(" " * 8 + line)
        return
    if options.funcargs:
        _write_arguments(out, _argument_pairs(entry))
    _write_entry_lines(out, lines, style)
    if local_lines is not None:
        out.line("")
        for line in local_lines:
            out.line(line)
    out.line("")
    _file_location(out, *location)


def write_traceback(out: TextWriter, entries: List[Entry], exc: BaseException,
                    options: Options) -> None:
    """Write ``entries`` (already pruned) of ``exc`` in ``options.style``."""
    extraline = None
    if options.drop_hidden:
        entries = [entry for entry in entries if not entry.is_hidden()]
    if isinstance(exc, RecursionError):
        entries, extraline = truncate_recursion(entries)
    if options.style == "value":
        entries = entries[-1:]
    styles = [entry.style or options.style for entry in entries]
    last = len(entries) - 1
    for index, entry in enumerate(entries):
        if styles[index] == "long":
            out.line("")
        _write_entry(out, entry, exc if index == last else None, options)
        if index < last and (styles[index] == "long"
                             or styles[index] == "short" and styles[index + 1] == "long"):
            out.sep(_ENTRY_RULE)
    if extraline:
        out.line(extraline)
