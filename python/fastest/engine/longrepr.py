"""Failure text exactly as pytest 7.2 prints it (``report.longrepr``).

Interface used by the engine core::

    render_failure(exc: BaseException, *, style: str, showlocals: bool,
                   invocation_dir: str, verbosity: int,
                   cut_frames: Callable | None = None,
                   keep_frame: Callable[[Entry], bool] | None = None,
                   terminal: Terminal = Terminal(80)) -> dict

        ``style`` is the ``--tb`` value (auto/long/short/line/native/no).
        ``cut_frames`` is the test function (the item's ``obj``); the
        traceback is cut to start at its code, as pytest's
        ``Function._prunetraceback`` does; None leaves it whole.
        ``keep_frame``, with ``cut_frames``, then filters the entries (an
        item's own pruning: unittest's frames for a TestCase), unless that
        would leave none.
        ``invocation_dir`` is where the run started: paths print relative to
        the current directory, or absolute once a test changed directory.
        ``verbosity`` is ``-v`` count (``-vv`` shows locals untruncated).
        ``terminal`` (terminal_writer.Terminal) holds the terminal width
        for the ``_ _ _`` entry separators and whether it is coloured.

    render_collect_error(exc: BaseException, *, path: str, style: str,
                         showlocals: bool, invocation_dir: str,
                         verbosity: int, terminal: Terminal = Terminal(80),
                         import_mode: str | None = None) -> dict

        For an exception raised while importing the test module at ``path``
        (absolute): ``ImportError while importing test module ...``, syntax
        errors, ``pytest.skip`` at module level, and any other exception, as
        pytest shows them in the ERRORS section. ``import_mode``: the
        ``--import-mode`` the module was imported with, when ``exc`` came
        from that import; None for any other collection error (a conftest's
        as the session collects). Tracebacks show pytest's importer frames
        where pytest's do (importer_frames.py).

    exception_info_text(exc: BaseException, entries: list[Entry], *, style="long",
                        showlocals=False, abspath=False, tbfilter=True,
                        funcargs=False, truncate_locals=True, chain=True,
                        width=80, strip_assertion=True) -> str

        ``str(excinfo.getrepr(...))`` (pytest.ExceptionInfo.getrepr's
        keywords) for ``exc`` raised through ``entries``
        (longrepr_traceback.entries_of of its traceback).

    message_failure(text: str) -> dict

        A failure pytest reports as plain text rather than a traceback, e.g.
        ``message_failure("[XPASS(strict)] " + reason)`` for a strict xfail
        that passed: the text on its own line, no reprcrash.

    collect_message(text: str, terminal: Terminal) -> dict

        A collector's message (an import file mismatch, an empty parameter
        set): message_failure's text, in red on a coloured terminal.

All but exception_info_text return ``{"longrepr", "crash_path", "crash_line", "crash_message"}``,
``longrepr_form`` for a longrepr that is not a rendering, and
``longrepr_markup`` when the terminal is coloured (docs/engine-events.md):
``longrepr`` is what pytest writes under the ``____ name ____`` header
(``str(report.longrepr)`` is that text stripped); ``crash_*`` is
``report.longrepr.reprcrash`` (path as in ``co_filename``, 1-based line,
the message of the short summary ``FAILED id - message`` and of
``--tb=line``), all None when pytest's report has no reprcrash (then the
summary line has no `` - message``).
"""
from __future__ import annotations

import functools
import os
import traceback as stdlib_traceback

from fastest.engine.importer_frames import as_pytest_imports
from fastest.engine.longrepr_entries import Options, exception_only, write_traceback
from fastest.engine.longrepr_traceback import (
    Entry,
    crash_entry,
    entries_of,
    is_framework_frame,
    is_user_frame,
    mark_middle_short,
    prune_for_function,
    prune_for_module,
)
from fastest.engine.terminal_writer import Terminal, TextWriter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, List, Optional

_DIRECT_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"
_MODULE_LEVEL_SKIP = (
    "Using pytest.skip outside of a test will skip the entire module. "
    "If that's your intention, pass `allow_module_level=True`. "
    "If you want to skip a specific test or an entire class, "
    "use the @pytest.mark.skip or @pytest.mark.skipif decorators."
)


def _result(text: str, exc: Optional[BaseException], entries: Optional[List[Entry]]) -> dict:
    if exc is None or not entries:
        return {"longrepr": text, "crash_path": None, "crash_line": None, "crash_message": None}
    crash = crash_entry(entries)
    return {
        "longrepr": text,
        "crash_path": crash.code.co_filename,
        "crash_line": crash.lineno + 1,
        "crash_message": exception_only(exc),
    }


def message_failure(text: str) -> dict:
    """See the module docstring."""
    return {**_result(text + "\n", None, None), "longrepr_form": "text"}


def _is_message_only_failure(exc: BaseException) -> bool:
    """``pytest.fail(..., pytrace=False)``: show the message, no traceback."""
    return type(exc).__name__ == "Failed" and not getattr(exc, "pytrace", True)


def _cwd_moved(invocation_dir: str) -> bool:
    try:
        return os.getcwd() != invocation_dir
    except OSError:
        return True


def _native_lines(exc: BaseException, entries: Optional[List[Entry]]) -> str:
    tb = entries[0].raw if entries else None
    return "".join(stdlib_traceback.format_exception(type(exc), exc, tb))


def _write_chain(out: TextWriter, exc: BaseException, entries: List[Entry],
                 options: Options) -> None:
    """Write ``exc`` and the exceptions it was raised from / while handling,
    oldest first, joined by Python's sentences."""
    chain = []
    seen = set()
    current: Optional[BaseException] = exc
    current_entries: Optional[List[Entry]] = entries
    link = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, current_entries, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, _DIRECT_CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
        if current is not None:
            current_entries = entries_of(current) or None
    for current, current_entries, link in reversed(chain):
        if current_entries is None or isinstance(current, BaseExceptionGroup):
            out.write(_native_lines(current, current_entries))
        else:
            write_traceback(out, current_entries, current, options)
        if link is not None:
            out.line("")
            out.line(link, yellow=True)


def _render(exc: BaseException, entries: List[Entry], style: str, showlocals: bool,
            abspath: bool, verbosity: int, terminal: Terminal) -> dict:
    """Common tail of test and collection failures (``_repr_failure_py``):
    the text for every reporter, and the coloured terminal's when it is."""
    # One Options for both texts: its cache reads each source file once.
    options = Options(style, showlocals, verbosity <= 1, abspath, funcargs=True)

    def text(out: TextWriter) -> str:
        if style == "native":
            out.write(_native_lines(exc, entries))
        else:
            _write_chain(out, exc, entries, options)
        return out.text()

    result = _result(text(terminal.plain()), None if style == "value" else exc, entries)
    if style == "value":
        result["longrepr_form"] = "message_only"
    coloured = terminal.coloured()
    if coloured is not None:
        result["longrepr_markup"] = text(coloured)
    return result


def _contained(render: Callable[..., dict]) -> Callable[..., dict]:
    """``render``, which, should it fail itself (a bug of fastest's),
    gives the exception as Python prints it, then what went wrong: the
    test's outcome stands and the rest of the run goes on, where an
    internal error ends pytest's."""

    @functools.wraps(render)
    def contained(exc: BaseException, **options: object) -> dict:
        try:
            return render(exc, **options)
        except Exception as problem:
            return message_failure(
                "".join(stdlib_traceback.format_exception(exc)).rstrip()
                + "\n\nfastest could not show this failure as pytest does"
                " (a bug of fastest's: please report it):\n"
                + "".join(stdlib_traceback.format_exception(problem)).rstrip())

    return contained


@_contained
def render_failure(exc: BaseException, *, style: str, showlocals: bool,
                   invocation_dir: str, verbosity: int,
                   cut_frames: Optional[Callable] = None,
                   keep_frame: Optional[Callable[[Entry], bool]] = None,
                   terminal: Terminal = Terminal(80)) -> dict:
    """See the module docstring."""
    entries = entries_of(exc)
    if cut_frames is not None and entries:
        entries = prune_for_function(entries, cut_frames)
        if style == "auto":
            mark_middle_short(entries)
        if keep_frame is not None:
            entries = [entry for entry in entries if keep_frame(entry)] or entries
    if style == "auto":
        style = "long"
    if _is_message_only_failure(exc):
        style = "value"
    return _render(exc, entries, style, showlocals, _cwd_moved(invocation_dir),
                   verbosity, terminal)


def exception_info_text(exc: BaseException, entries: List[Entry], *, style: str = "long",
                        showlocals: bool = False, abspath: bool = False, tbfilter: bool = True,
                        funcargs: bool = False, truncate_locals: bool = True, chain: bool = True,
                        width: int = 80, strip_assertion: bool = True) -> str:
    """``str(excinfo.getrepr(...))``, the keywords getrepr's, for ``exc``
    raised through ``entries``: its text at ``width``, stripped, as
    pytest's TerminalRepr.__str__ gives it. ``strip_assertion`` false: a
    failed assert's text keeps "AssertionError: " (an ExceptionInfo
    pytest.raises filled)."""
    if style == "native":
        return _native_lines(exc, entries).strip()
    out = TextWriter(width)
    options = Options(style, showlocals, truncate_locals, abspath, funcargs=funcargs, drop_hidden=tbfilter)
    if not strip_assertion:
        options.unstripped = exc
    if chain:
        _write_chain(out, exc, entries, options)
    else:
        write_traceback(out, entries, exc, options)
    return out.text().strip()


def render_conftest_import_failure(exc: BaseException, path: str, width: int = 80) -> str:
    """What pytest prints on stderr when a conftest.py it loads before
    collecting fails to import: the short traceback of user frames
    (importlib's left out too), without the exceptions it was raised from."""
    entries = [e for e in entries_of(exc)
               if is_user_frame(e) and "importlib" not in e.code.co_filename.split(os.sep)]
    if entries:
        out = TextWriter(width)
        write_traceback(out, entries, exc, Options("short", False, True, False, funcargs=False, drop_hidden=True))
        shown = "\n".join(line.rstrip() for line in out.text().strip().splitlines())
    else:
        shown = exception_only(exc)
    return f"ImportError while loading conftest '{path}'.\n{shown}"


def collect_message(text: str, terminal: Terminal) -> dict:
    """A collector's own message (pytest's CollectErrorRepr): plain text, in
    red on a coloured terminal."""
    result = message_failure(text)
    coloured = terminal.coloured()
    if coloured is not None:
        coloured.line(text, red=True)
        result["longrepr_markup"] = coloured.text()
    return result


@_contained
def render_collect_error(exc: BaseException, *, path: str, style: str, showlocals: bool,
                         invocation_dir: str, verbosity: int, terminal: Terminal = Terminal(80),
                         import_mode: Optional[str] = None) -> dict:
    """See the module docstring."""
    entries = entries_of(exc)
    if import_mode is not None and isinstance(exc, SyntaxError):
        entries = [e for e in as_pytest_imports(entries, import_mode) if not is_framework_frame(e)]
        return collect_message(exception_info_text(exc, entries, style="short", width=terminal.width), terminal)
    if import_mode is not None and isinstance(exc, ImportError):
        if verbosity < 2:
            entries = [e for e in entries if is_user_frame(e)]
        else:
            entries = [e for e in as_pytest_imports(entries, import_mode) if not is_framework_frame(e)]
        shown = (exception_info_text(exc, entries, style="short", width=terminal.width) if entries
                 else exception_only(exc))
        return collect_message(f"ImportError while importing test module '{path}'.\n"
                               "Hint: make sure your test modules/packages have valid Python names.\n"
                               f"Traceback:\n{shown}", terminal)
    # pytest cuts its leading frames here (Collector._prunetraceback).
    entries = as_pytest_imports(entries, None)
    if getattr(exc, "allow_module_level", True) is False:
        return collect_message(_MODULE_LEVEL_SKIP, terminal)
    if entries:
        entries = prune_for_module(entries, path)
    if style == "auto":
        style = "short"
    if _is_message_only_failure(exc):
        style = "value"
    return _render(exc, entries, style, showlocals, _cwd_moved(invocation_dir),
                   verbosity, terminal)
