"""``pytest.warns``, ``pytest.deprecated_call`` and the recorder behind them
(also used by the ``recwarn`` fixture)."""
from __future__ import annotations

import warnings

from .outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, List, Optional, Tuple, Type, Union


_WARNS_NONE_ARG = (
    "Passing None has been deprecated.\n"
    "See https://docs.pytest.org/en/latest/how-to/capture-warnings.html"
    "#additional-use-cases-of-warnings-in-tests"
    " for alternatives in common use cases."
)


class WarningsRecorder(warnings.catch_warnings):
    """Records every warning raised inside its ``with`` block."""

    def __init__(self, *, _ispytest: bool = False) -> None:
        super().__init__(record=True)
        self._entered = False
        self._list: List[warnings.WarningMessage] = []

    @property
    def list(self) -> List[warnings.WarningMessage]:
        return self._list

    def __getitem__(self, index: int) -> warnings.WarningMessage:
        return self._list[index]

    def __iter__(self) -> Iterator[warnings.WarningMessage]:
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    def pop(self, cls: Type[Warning] = Warning) -> warnings.WarningMessage:
        """Remove and return the first recorded warning of category ``cls``."""
        for index, message in enumerate(self._list):
            if issubclass(message.category, cls):
                return self._list.pop(index)
        __tracebackhide__ = True
        raise AssertionError(f"{cls!r} not found in warning list")

    def clear(self) -> None:
        self._list[:] = []

    def __enter__(self) -> "WarningsRecorder":  # type: ignore[override]
        if self._entered:
            __tracebackhide__ = True
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._list = super().__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb) -> None:
        if not self._entered:
            __tracebackhide__ = True
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        super().__exit__(exc_type, exc_val, exc_tb)
        # catch_warnings refuses to be entered twice; a recorder may be reused.
        self._entered = False


class WarningsChecker(WarningsRecorder):
    """Fails the block unless a warning of the expected category (matching
    ``match_expr`` when given) was raised in it."""

    def __init__(self, expected_warning=Warning, match_expr=None, *, _ispytest: bool = False) -> None:
        super().__init__()
        msg = "exceptions must be derived from Warning, not %s"
        expected: Optional[Tuple[Type[Warning], ...]]
        if expected_warning is None:
            from .warning_types import PytestRemovedIn8Warning

            # Located as pytest's: where the test that called warns() was called.
            warnings.warn(PytestRemovedIn8Warning(_WARNS_NONE_ARG), stacklevel=4)
            expected = None
        elif isinstance(expected_warning, tuple):
            for exc in expected_warning:
                if not issubclass(exc, Warning):
                    raise TypeError(msg % type(exc))
            expected = expected_warning
        elif issubclass(expected_warning, Warning):
            expected = (expected_warning,)
        else:
            raise TypeError(msg % type(expected_warning))
        self.expected_warning = expected
        self.match_expr = match_expr

    def __exit__(self, exc_type, exc_val, exc_tb) -> None:
        super().__exit__(exc_type, exc_val, exc_tb)
        __tracebackhide__ = True
        if exc_type is not None or self.expected_warning is None:
            return
        def found() -> str:
            from pprint import pformat

            return pformat([record.message for record in self], indent=2)

        matching = [record for record in self if issubclass(record.category, self.expected_warning)]
        if not matching:
            fail(
                f"DID NOT WARN. No warnings of type {self.expected_warning} were emitted.\n"
                f"The list of emitted warnings is: {found()}."
            )
        if self.match_expr is not None and not any(
            _search(self.match_expr, str(record.message)) for record in matching
        ):
            fail(
                f"DID NOT WARN. No warnings of type {self.expected_warning} matching the regex were emitted.\n"
                f" Regex: {self.match_expr}\n"
                f" Emitted warnings: {found()}"
            )


def warns(expected_warning: Union[Type[Warning], Tuple[Type[Warning], ...]] = Warning, *args: Any, match=None, **kwargs: Any):
    """Assert that a block (or ``warns(W, func, *args)``) raises a warning of
    ``expected_warning``."""
    __tracebackhide__ = True
    if not args:
        if kwargs:
            raise TypeError(
                f"Unexpected keyword arguments passed to pytest.warns: {', '.join(sorted(kwargs))}"
                "\nUse context-manager form instead?"
            )
        return WarningsChecker(expected_warning, match_expr=match)
    func = args[0]
    if not callable(func):
        raise TypeError(f"{func!r} object (type: {type(func)}) must be callable")
    with WarningsChecker(expected_warning):
        return func(*args[1:], **kwargs)


def deprecated_call(func=None, *args: Any, **kwargs: Any):
    """Assert that a block (or call) raises a DeprecationWarning or
    PendingDeprecationWarning."""
    __tracebackhide__ = True
    if func is not None:
        args = (func,) + args
    return warns((DeprecationWarning, PendingDeprecationWarning), *args, **kwargs)


def _search(pattern: str, text: str) -> bool:
    """``re.search``, with ``re`` imported only when a test matches warnings."""
    import re

    return re.compile(pattern).search(text) is not None
