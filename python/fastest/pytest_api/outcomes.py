"""The exceptions that end a test early with a given outcome, and the public
functions raising them (``pytest.skip``, ``fail``, ``xfail``, ``exit``,
``importorskip``).

They derive from BaseException (except Exit) so that a test's own
``except Exception`` does not swallow them, as in pytest.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn, Optional


class OutcomeException(BaseException):
    """Base of the outcome exceptions; ``msg`` is what the report shows.
    These classes carry pytest's module name, which failure messages show
    ("_pytest.outcomes.XFailed"), Skipped and Failed pytest's "builtins"."""

    __module__ = "_pytest.outcomes"

    def __init__(self, msg: Optional[str] = None, pytrace: bool = True) -> None:
        if msg is not None and not isinstance(msg, str):
            raise TypeError(
                f"{type(self).__name__} expected string as 'msg' parameter, "
                f"got '{type(msg).__name__}' instead.\nPerhaps you meant to use a mark?"
            )
        super().__init__(msg)
        self.msg = msg
        self.pytrace = pytrace

    def __repr__(self) -> str:
        if self.msg is not None:
            return self.msg
        return f"<{self.__class__.__name__} instance>"

    __str__ = __repr__


class Skipped(OutcomeException):
    # pytest shows these as "Skipped: reason", without a module prefix.
    __module__ = "builtins"

    def __init__(
        self,
        msg: Optional[str] = None,
        pytrace: bool = True,
        allow_module_level: bool = False,
        *,
        _use_item_location: bool = False,
    ) -> None:
        super().__init__(msg=msg, pytrace=pytrace)
        self.allow_module_level = allow_module_level
        # Skips raised by skip marks report the test's location, not the
        # engine line that raised them.
        self._use_item_location = _use_item_location


class Failed(OutcomeException):
    """Raised by ``pytest.fail()``."""

    __module__ = "builtins"


class XFailed(Failed):
    """Raised by ``pytest.xfail()``."""

    __module__ = "_pytest.outcomes"


class Exit(Exception):
    """Raised by ``pytest.exit()``: stop the whole run."""

    __module__ = "_pytest.outcomes"

    def __init__(self, msg: str = "unknown reason", returncode: Optional[int] = None) -> None:
        self.msg = msg
        self.returncode = returncode
        super().__init__(msg)


TEST_OUTCOME = (OutcomeException, Exception)


def exit(reason: str = "", returncode: Optional[int] = None, *, msg: Optional[str] = None) -> NoReturn:
    """Exit the test run with ``reason`` (and ``returncode`` when given)."""
    __tracebackhide__ = True
    raise Exit(_reason("exit", reason, msg), returncode)


def skip(reason: str = "", *, allow_module_level: bool = False, msg: Optional[str] = None) -> NoReturn:
    """Skip the running test; at module level only with ``allow_module_level``."""
    __tracebackhide__ = True
    raise Skipped(msg=_reason("skip", reason, msg), allow_module_level=allow_module_level)


def fail(reason: str = "", pytrace: bool = True, msg: Optional[str] = None) -> NoReturn:
    """Fail the running test; ``pytrace=False`` reports only the reason."""
    __tracebackhide__ = True
    raise Failed(msg=_reason("fail", reason, msg), pytrace=pytrace)


def xfail(reason: str = "") -> NoReturn:
    """Mark the running test as an expected failure and stop it."""
    __tracebackhide__ = True
    raise XFailed(reason)


def xfail_under_runxfail(*args: object, **kwargs: object) -> None:
    """``pytest.xfail`` under --runxfail: pytest makes it do nothing, and
    the test goes on."""


exit.Exception = Exit  # type: ignore[attr-defined]
skip.Exception = Skipped  # type: ignore[attr-defined]
fail.Exception = Failed  # type: ignore[attr-defined]
xfail.Exception = XFailed  # type: ignore[attr-defined]
xfail_under_runxfail.Exception = XFailed  # type: ignore[attr-defined]


def _reason(func_name: str, reason: str, msg: Optional[str]) -> str:
    """Accept pytest's deprecated ``msg=`` spelling of ``reason=``."""
    if msg is None:
        return reason
    if reason:
        raise TypeError(
            f"Argument(s) {{'msg'}} are deprecated; use 'reason' instead in pytest.{func_name}()"
        )
    import warnings

    from .warning_types import PytestRemovedIn8Warning

    warnings.warn(
        PytestRemovedIn8Warning(
            f"pytest.{func_name}(msg=...) is now deprecated, use pytest.{func_name}(reason=...) instead"
        ),
        stacklevel=3,
    )
    return msg


def importorskip(modname: str, minversion: Optional[str] = None, reason: Optional[str] = None):
    """Import and return ``modname``, or skip the test (or module) when it
    cannot be imported or is older than ``minversion``."""
    __tracebackhide__ = True
    import warnings

    compile(modname, "", "eval")  # a malformed name is the caller's bug: SyntaxError
    with warnings.catch_warnings():
        # Don't let importing the module trigger warning filters set to error.
        warnings.simplefilter("ignore")
        try:
            __import__(modname)
        except ImportError as exc:
            if reason is None:
                reason = f"could not import {modname!r}: {exc}"
            raise Skipped(reason, allow_module_level=True) from None
    import sys

    module = sys.modules[modname]
    if minversion is None:
        return module
    version = getattr(module, "__version__", None)
    if version is None or _version_tuple(version) < _version_tuple(minversion):
        raise Skipped(
            f"module {modname!r} has __version__ {version!r}, required is: {minversion!r}",
            allow_module_level=True,
        )
    return module


def _version_tuple(version: str) -> tuple:
    """A comparable key for dotted versions, numeric parts as numbers
    (a small stand-in for packaging.version, which pytest uses)."""
    import re

    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"\d+|[a-z]+", str(version).lower()))
