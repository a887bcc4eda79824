"""pytest's unraisableexception and threadexception plugins: during each
test phase, an exception Python could not raise (in ``__del__``, a weakref
callback...) or one that ended a thread becomes a warning of that phase,
PytestUnraisableExceptionWarning or PytestUnhandledThreadExceptionWarning
(so ``-W error`` fails the phase), instead of text on stderr.

As in pytest, the hooks (``sys.unraisablehook``, ``threading.excepthook``)
are swapped in for the phase and put back after it, and the last exception
of each kind is the one reported. ``threading.excepthook`` is swapped only
once something imported threading: no thread can have run before."""
from __future__ import annotations

import sys
import warnings

from fastest.pytest_api.warning_types import PytestUnhandledThreadExceptionWarning, PytestUnraisableExceptionWarning

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Tuple


class UncaughtExceptions:
    """Catches one phase's uncaught exceptions; ``-p no:unraisableexception``
    and ``-p no:threadexception`` switch either off."""

    def __init__(self, config: Any) -> None:
        self.unraisable_on = not config.blocks_plugin("unraisableexception")
        self.thread_on = not config.blocks_plugin("threadexception")
        self._unraisable: Any = None
        self._thread: Any = None
        # Made once: the hooks swapped in every phase.
        self._keep_unraisable = self._store_unraisable
        self._keep_thread = self._store_thread

    def _store_unraisable(self, unraisable: Any) -> None:
        self._unraisable = unraisable

    def _store_thread(self, args: Any) -> None:
        self._thread = args

    def start(self) -> Tuple[Any, Any, Any]:
        """Swap the hooks in; what ``stop`` needs to put them back."""
        previous_unraisable = None
        if self.unraisable_on:
            previous_unraisable = sys.unraisablehook
            sys.unraisablehook = self._keep_unraisable
        threading = sys.modules.get("threading") if self.thread_on else None
        previous_thread = None
        if threading is not None:
            previous_thread = threading.excepthook
            threading.excepthook = self._keep_thread
        return previous_unraisable, threading, previous_thread

    def stop(self, started: Tuple[Any, Any, Any]) -> None:
        """Put the hooks back, then warn about what they caught (the
        unraisable exception first, as pytest's wrappers are nested)."""
        previous_unraisable, threading, previous_thread = started
        if previous_unraisable is not None:
            sys.unraisablehook = previous_unraisable
        if threading is not None:
            threading.excepthook = previous_thread
        unraisable, self._unraisable = self._unraisable, None
        thread, self._thread = self._thread, None
        try:
            if unraisable is not None:
                _warn_unraisable(unraisable)
        finally:
            if thread is not None:
                _warn_thread(thread)


def _formatted(exc_type: Any, exc_value: Any, exc_traceback: Any) -> str:
    import traceback

    return "".join(traceback.format_exception(exc_type, exc_value, exc_traceback))


def _warn_unraisable(unraisable: Any) -> None:
    err_msg = unraisable.err_msg if unraisable.err_msg is not None else "Exception ignored in"
    msg = f"{err_msg}: {unraisable.object!r}\n\n"
    msg += _formatted(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)
    warnings.warn(PytestUnraisableExceptionWarning(msg))  # pytest's site: unraisableexception.py: warnings.warn(pytest.PytestUnraisableExceptionWarning(msg))


def _warn_thread(args: Any) -> None:
    thread_name = "<unknown>" if args.thread is None else args.thread.name
    msg = f"Exception in thread {thread_name}\n\n"
    msg += _formatted(args.exc_type, args.exc_value, args.exc_traceback)
    warnings.warn(PytestUnhandledThreadExceptionWarning(msg))  # pytest's site: threadexception.py: warnings.warn(pytest.PytestUnhandledThreadExceptionWarning(msg))
