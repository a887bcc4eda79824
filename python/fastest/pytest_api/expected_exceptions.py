"""``pytest.raises`` and the ``ExceptionInfo`` it returns."""
from __future__ import annotations

from types import TracebackType

from .outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any, List, Optional, Tuple, Type, Union


class TracebackEntry:
    """One frame of an exception's traceback, as pytest exposes it."""

    __slots__ = ("_tb",)

    def __init__(self, tb: TracebackType) -> None:
        self._tb = tb

    @property
    def frame(self):
        return self._tb.tb_frame

    @property
    def lineno(self) -> int:
        """0-based, as in pytest."""
        return self._tb.tb_lineno - 1

    @property
    def path(self) -> str:
        return self._tb.tb_frame.f_code.co_filename

    @property
    def name(self) -> str:
        return self._tb.tb_frame.f_code.co_name

    @property
    def locals(self) -> dict:
        return self._tb.tb_frame.f_locals

    def __repr__(self) -> str:
        return f"<TracebackEntry {self.path}:{self.lineno + 1}>"


class ExceptionInfo:
    """Wraps an exception triple: ``type``, ``value``, ``tb``, plus pytest's
    helpers (``match``, ``errisinstance``, ``exconly``, ``traceback``)."""

    _assert_start_repr = "AssertionError('assert "

    def __init__(self, excinfo: Optional[Tuple[Type[BaseException], BaseException, TracebackType]], striptext: str = "", *, _ispytest: bool = False) -> None:
        self._excinfo = excinfo
        self._striptext = striptext

    @classmethod
    def from_exc_info(cls, exc_info, exprinfo: Optional[str] = None) -> "ExceptionInfo":
        striptext = ""
        if exprinfo is None and isinstance(exc_info[1], AssertionError):
            exprinfo = getattr(exc_info[1], "msg", None) or ""
            if not exprinfo:
                exprinfo = repr(exc_info[1])
            if exprinfo.startswith(cls._assert_start_repr):
                striptext = "AssertionError: "
        return cls(exc_info, striptext)

    @classmethod
    def from_current(cls, exprinfo: Optional[str] = None) -> "ExceptionInfo":
        import sys

        return cls.from_exc_info(sys.exc_info(), exprinfo)

    @classmethod
    def for_later(cls) -> "ExceptionInfo":
        return cls(None)

    def fill_unfilled(self, exc_info) -> None:
        assert self._excinfo is None, "ExceptionInfo was already filled"
        self._excinfo = exc_info

    def _filled(self):
        assert self._excinfo is not None, ".{} can only be used after the context manager exits"
        return self._excinfo

    @property
    def type(self) -> Type[BaseException]:
        return self._filled()[0]

    @property
    def value(self) -> BaseException:
        return self._filled()[1]

    @property
    def tb(self) -> TracebackType:
        return self._filled()[2]

    @property
    def typename(self) -> str:
        return self.type.__name__

    @property
    def traceback(self) -> List[TracebackEntry]:
        entries = []
        tb = self.tb
        while tb is not None:
            entries.append(TracebackEntry(tb))
            tb = tb.tb_next
        return entries

    def exconly(self, tryshort: bool = False) -> str:
        import traceback

        text = "".join(traceback.format_exception_only(self.type, self.value)).rstrip()
        if tryshort and text.startswith(self._striptext):
            text = text[len(self._striptext):]
        return text

    def errisinstance(self, exc: Union[Type[BaseException], Tuple[Type[BaseException], ...]]) -> bool:
        return isinstance(self.value, exc)

    def match(self, regexp: Union[str, "re.Pattern[str]"]) -> bool:
        """Assert that ``regexp`` is found (``re.search``) in ``str(value)``."""
        __tracebackhide__ = True
        import re

        value = str(self.value)
        msg = f"Regex pattern did not match.\n Regex: {regexp!r}\n Input: {value!r}"
        if regexp == value:
            msg += "\n Did you mean to `re.escape()` the regex?"
        assert re.search(regexp, value), msg
        return True

    def getrepr(self, showlocals: bool = False, style: str = "long", abspath: bool = False, tbfilter: bool = True,
                funcargs: bool = False, truncate_locals: bool = True, chain: bool = True):
        """The exception rendered as pytest renders it (``str()`` of the
        result), and its ``reprcrash``."""
        from fastest.engine.longrepr import exception_info_text
        from fastest.engine.longrepr_traceback import crash_entry, entries_of
        from fastest.engine.terminal_writer import terminal_width

        from .exception_repr import ExceptionChainRepr, ReprExceptionInfo, ReprFileLocation

        entries = entries_of(self.value)
        # pytest renders into a TerminalWriter on a StringIO, as wide as the
        # terminal is now (inside a test stdout is captured: 80 or COLUMNS).
        text = exception_info_text(
            self.value, entries, style=style, showlocals=showlocals, abspath=abspath, tbfilter=tbfilter,
            funcargs=funcargs, truncate_locals=truncate_locals, chain=chain, width=terminal_width(),
            strip_assertion=bool(self._striptext),
        )
        reprcrash = None
        if style != "value":  # pytest makes none for it
            crash = crash_entry(entries)
            reprcrash = ReprFileLocation(crash.code.co_filename, crash.lineno + 1, self.exconly(tryshort=True))
        return (ReprExceptionInfo if style == "native" else ExceptionChainRepr)(text, reprcrash)

    def __repr__(self) -> str:
        if self._excinfo is None:
            return "<ExceptionInfo for raises contextmanager>"
        return f"<ExceptionInfo {self.value!r} tblen={len(self.traceback)}>"


class RaisesContext:
    """The context manager form of ``pytest.raises``."""

    def __init__(self, expected_exception, message: str, match_expr=None) -> None:
        self.expected_exception = expected_exception
        self.message = message
        self.match_expr = match_expr
        self.excinfo: Optional[ExceptionInfo] = None

    def __enter__(self) -> ExceptionInfo:
        self.excinfo = ExceptionInfo.for_later()
        return self.excinfo

    def __exit__(self, exc_type, exc_val, exc_tb) -> bool:
        __tracebackhide__ = True
        if exc_type is None:
            fail(self.message)
        if not issubclass(exc_type, self.expected_exception):
            return False
        self.excinfo.fill_unfilled((exc_type, exc_val, exc_tb))
        if self.match_expr is not None:
            self.excinfo.match(self.match_expr)
        return True


def raises(expected_exception, *args: Any, **kwargs: Any):
    """Assert that a block (context manager form) or a call
    (``raises(Exc, func, *args)``) raises ``expected_exception``."""
    __tracebackhide__ = True
    if not expected_exception:
        raise ValueError(
            f"Expected an exception type or a tuple of exception types, but got `{expected_exception!r}`. "
            "Raising exceptions is already understood as failing the test, so you don't need "
            "any special code to say 'this should never raise an exception'."
        )
    expected = (expected_exception,) if isinstance(expected_exception, type) else expected_exception
    for exc in expected:
        if not isinstance(exc, type) or not issubclass(exc, BaseException):
            not_a = exc.__name__ if isinstance(exc, type) else type(exc).__name__
            raise TypeError(f"expected exception must be a BaseException type, not {not_a}")
    message = f"DID NOT RAISE {expected_exception}"
    if not args:
        match = kwargs.pop("match", None)
        if kwargs:
            raise TypeError(
                "Unexpected keyword arguments passed to pytest.raises: "
                + ", ".join(sorted(kwargs))
                + "\nUse context-manager form instead?"
            )
        return RaisesContext(expected_exception, message, match)
    func = args[0]
    if not callable(func):
        raise TypeError(f"{func!r} object (type: {type(func)}) must be callable")
    try:
        func(*args[1:], **kwargs)
    except expected_exception as exc:
        return ExceptionInfo.from_exc_info((type(exc), exc, exc.__traceback__))
    fail(message)


raises.Exception = fail.Exception  # type: ignore[attr-defined]
