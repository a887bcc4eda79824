"""Which traceback entries a failure shows, as pytest prunes them.

pytest cuts a test's traceback so it starts at the test function (the
runner's own frames above it are noise), drops frames that set
``__tracebackhide__``, and shortens runaway recursion.  When the test
function is not on the stack (a fixture failed), it starts at the first frame
of the test's file, else it drops the frames of the test framework itself:
pytest's and pluggy's, and here also fastest's own engine frames, which
stand where pytest's would.
"""
from __future__ import annotations

import functools
import os
import sys
from types import CodeType, FrameType, TracebackType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Dict, List, Optional, Tuple

_FASTEST_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Entry:
    """One traceback entry of ``exc`` and the style it is rendered in
    (None: the report's style)."""

    __slots__ = ("raw", "exc", "style")

    def __init__(self, raw: TracebackType, exc: BaseException) -> None:
        self.raw = raw
        self.exc = exc
        self.style: Optional[str] = None

    @property
    def frame(self) -> FrameType:
        return self.raw.tb_frame

    @property
    def code(self) -> CodeType:
        return self.raw.tb_frame.f_code

    @property
    def lineno(self) -> int:
        """0-based line being executed."""
        return self.raw.tb_lineno - 1

    def path(self) -> Tuple[str, bool]:
        """(path, exists): the absolute file path when the file exists,
        else the code's file name as recorded (``<string>``, a deleted
        file)."""
        return code_path(self.code)

    def is_hidden(self) -> bool:
        """True when the frame's locals (else globals) set a true
        ``__tracebackhide__``; a callable one is asked, given the
        exception's ``pytest.ExceptionInfo`` as pytest gives it (numpy and
        scipy hide helpers with ``operator.methodcaller("errisinstance",
        AssertionError)``)."""
        hide: object = False
        for namespace in (self.frame.f_locals, self.frame.f_globals):
            try:
                hide = namespace["__tracebackhide__"]
            except Exception:
                continue
            break
        if hide and callable(hide):
            from fastest.pytest_api.expected_exceptions import ExceptionInfo

            return bool(hide(ExceptionInfo.from_exc_info((type(self.exc), self.exc, self.exc.__traceback__))))
        return bool(hide)


def code_path(code: CodeType) -> Tuple[str, bool]:
    """See ``Entry.path``."""
    filename = code.co_filename
    if not filename:
        return "", False
    absolute = os.path.abspath(filename)
    if os.path.exists(absolute):
        return absolute, True
    return filename, False


def entries_of(exc: BaseException) -> List[Entry]:
    """The entries of ``exc``'s traceback, outermost first."""
    entries = []
    tb = exc.__traceback__
    while tb is not None:
        entries.append(Entry(tb, exc))
        tb = tb.tb_next
    return entries


def _framework_dirs() -> Tuple[str, ...]:
    """Directories whose frames belong to the test framework."""
    dirs = [_FASTEST_DIR]
    for name in ("_pytest", "pluggy"):
        module = sys.modules.get(name)
        module_file = getattr(module, "__file__", None)
        if module_file:
            dirs.append(os.path.dirname(os.path.abspath(module_file)))
    return tuple(dirs)


def is_framework_frame(entry: Entry) -> bool:
    """True for frames of pytest, pluggy and fastest itself."""
    path = os.path.abspath(entry.code.co_filename)
    return any(path.startswith(d + os.sep) for d in _framework_dirs())


def is_user_frame(entry: Entry) -> bool:
    """False for generated code (``<frozen ...>``, ``<string>``) and for
    framework frames."""
    filename = entry.code.co_filename
    if "<" in filename and ">" in filename:
        return False
    return not is_framework_frame(entry)


def _cut(entries: List[Entry], path: str, firstlineno: Optional[int] = None) -> List[Entry]:
    """Entries from the first one in file ``path`` (and, if given, in code
    starting at 1-based ``firstlineno``); all of them if there is none."""
    for index, entry in enumerate(entries):
        if entry.path()[0] != path:
            continue
        if firstlineno is not None and entry.code.co_firstlineno != firstlineno:
            continue
        return entries[index:]
    return entries


def real_function(obj: object) -> object:
    """The function under ``functools.wraps``/fixture wrappers/partials."""
    for _ in range(100):
        wrapped = getattr(obj, "__pytest_wrapped__", None)
        if wrapped is not None and hasattr(wrapped, "obj"):
            obj = wrapped.obj
            break
        inner = getattr(obj, "__wrapped__", None)
        if inner is None:
            break
        obj = inner
    if isinstance(obj, functools.partial):
        obj = obj.func
    return obj


def _code_of(obj: object) -> Optional[CodeType]:
    code = getattr(obj, "__code__", None)
    if code is None and not isinstance(obj, type):
        code = getattr(getattr(obj, "__call__", None), "__code__", None)
    return code


def prune_for_function(entries: List[Entry], test_function: Callable) -> List[Entry]:
    """Cut and filter as pytest's ``Function._prunetraceback``; never empty
    when ``entries`` is not (the last entry is kept as pytest does)."""
    code = _code_of(real_function(test_function))
    pruned = entries
    if code is not None:
        path = code_path(code)[0]
        pruned = _cut(entries, path, code.co_firstlineno)
        if pruned is entries:
            pruned = _cut(entries, path)
            if pruned is entries:
                pruned = [e for e in entries if is_user_frame(e)] or entries
    visible = [e for e in pruned if not e.is_hidden()]
    return visible or entries[-1:]


def prune_for_module(entries: List[Entry], module_path: str) -> List[Entry]:
    """Cut and filter as pytest's ``Collector._prunetraceback`` for a module
    that failed to import."""
    pruned = _cut(entries, module_path)
    if pruned is entries:
        # cut(excludepath=<pytest's folder>): from the first frame outside
        # the framework on, importlib's frozen ones included.
        pruned = next((entries[i:] for i, e in enumerate(entries) if not is_framework_frame(e)), entries)
    visible = [e for e in pruned if not e.is_hidden()]
    return visible or entries[-1:]


def mark_middle_short(entries: List[Entry]) -> None:
    """``--tb=auto``: all but the first and last entry print one line."""
    if len(entries) > 2:
        for entry in entries[1:-1]:
            entry.style = "short"


def crash_entry(entries: List[Entry]) -> Entry:
    """The last entry not hidden: where pytest says the failure happened."""
    for entry in reversed(entries):
        if not entry.is_hidden():
            return entry
    return entries[-1]


def truncate_recursion(entries: List[Entry]) -> Tuple[List[Entry], Optional[str]]:
    """For a RecursionError, keep entries up to the first repeat of a frame
    (same code, line and locals) and say so in an extra line."""
    try:
        index = _recursion_index(entries)
    except Exception as exc:
        keep = 10
        extraline = (
            "!!! Recursion error detected, but an error occurred locating the origin of recursion.\n"
            "  The following exception happened when comparing locals in the stack frame:\n"
            f"    {type(exc).__name__}: {exc}\n"
            f"  Displaying first and last {keep} stack frames out of {len(entries)}."
        )
        return entries[:keep] + entries[-keep:], extraline
    if index is None:
        return entries, None
    return entries[: index + 1], "!!! Recursion detected (same locals & position)"


def _recursion_index(entries: List[Entry]) -> Optional[int]:
    seen: Dict[Tuple[str, int, int], List[dict]] = {}
    for index, entry in enumerate(entries):
        key = (entry.path()[0], id(entry.code), entry.lineno)
        earlier = seen.setdefault(key, [])
        if earlier:
            here = entry.frame.f_locals
            if any(other == here for other in earlier):
                return index
        earlier.append(entry.frame.f_locals)
    return None
