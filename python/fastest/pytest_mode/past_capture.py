"""What gets past pytest's capture to the terminal, under the pytest
engine: in order with what fastest's console writes, as pytest's terminal
writes both to one stream.

fastest's console writes the progress, from the events the converter
emits in the place of pytest's terminal reporter (fastest-report-events,
registered with it), while what Python code prints past the capture goes
to the terminal through Python's streams. Two places let it through:

- The item hooks. pytest_runtest_logstart, pytest_runtest_logreport and
  pytest_runtest_logfinish run between an item's phases, outside the
  capture, and so do the parts of a phase's hookwrappers (a conftest's
  pytest_runtest_call wrapper) around it; in the same call pluggy calls
  the implementations registered after the reporter (a subfolder's
  conftest) before it, an initial conftest's after it. A call that reaches
  an implementation of the suite's own (a conftest's, a third-party
  plugin's; pytest's and fastest's print nothing there) runs ordered: as
  it starts, the console writes out what it holds (a flush event); as the
  converter emits (through the router, engine.py), what the
  implementations before it printed is flushed out of Python's streams,
  the event goes out and the console writes its progress at once; as it
  ends, what the implementations after it printed is flushed out.
- The capture suspended inside a test (capsys.disabled(), live logging):
  the console writes out what it holds first, and what was printed goes
  out before the capture resumes.

In a worker what the report hooks print goes nowhere, as a pytest-xdist
worker's: the process that reports hears each of their events again
(Session.replay), and prints it there. What a worker's phases print past
the capture gets through as it comes.
"""
from __future__ import annotations

import contextlib
import sys
import types

import pytest

from ..worker_output import HEARD_AGAIN, Nowhere

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, FrozenSet, Iterator, List, Optional

# Plugins that print nothing from these hooks: pytest's own (its terminal
# reporter writes nowhere under fastest) and fastest's.
_SILENT_PACKAGES = ("_pytest.", "fastest.")
_HEARD_HOOKS = frozenset(HEARD_AGAIN.values())
_ITEM_HOOKS = (
    "pytest_runtest_logstart",
    "pytest_runtest_setup",
    "pytest_runtest_call",
    "pytest_runtest_teardown",
    "pytest_runtest_logreport",
    "pytest_runtest_logfinish",
)


def _silent(plugin: Any) -> bool:
    module = plugin.__name__ if isinstance(plugin, types.ModuleType) else type(plugin).__module__
    return module.startswith(_SILENT_PACKAGES)


def flush_python_streams() -> None:
    """Python's buffered text out to the descriptors (the terminal, while
    the capture lets it through)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


class _HookWrappers:
    """A plugin PastCapture registers: a hookwrapper per hook."""


# pluggy passes an implementation the arguments it names: these name none.
@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def _dropping() -> Iterator[None]:
    """Python's stdout and stderr write nowhere meanwhile (the descriptors
    stay: rebinding two names costs far less than dropped()'s dup2 calls,
    once per report)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = _NOWHERE
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


_NOWHERE = Nowhere()


class PastCapture:
    """Orders what gets past pytest's capture (see the module docstring).
    ``console`` is the converter's router: ``flush()`` makes the console
    write out what it holds, and it emits ordered while ``ordered`` is
    set. Starts with the capture's suspensions watched; the item hooks are
    wrapped once collection is done (wrap)."""

    def __init__(self, config: Any, console: Any) -> None:
        self._config = config
        self._console = console
        self._printing: FrozenSet[str] = frozenset()
        self._wrappers: Optional[_HookWrappers] = None
        self._capture = config.pluginmanager.get_plugin("capturemanager")
        if self._capture is not None:
            self._suspended = self._capture.global_and_fixture_disabled
            self._capture.global_and_fixture_disabled = self._ordered_suspension

    @contextlib.contextmanager
    def _ordered_suspension(self) -> Iterator[None]:
        """pytest's CaptureManager.global_and_fixture_disabled, ordered."""
        with self._suspended():
            self._console.flush()
            try:
                yield
            finally:
                flush_python_streams()

    def wrap(self) -> None:
        """Once collection is done, every conftest registered, before any
        item runs (and workers fork): a hookwrapper, the outermost, around
        each item hook an implementation of the suite's own hears; the
        others cost nothing more."""
        self._printing = frozenset(
            name
            for name in _ITEM_HOOKS
            if not all(_silent(impl.plugin) for impl in getattr(self._config.hook, name).get_hookimpls())
        )
        self._register(self._printing, self._ordered_wrapper())

    def after_fork(self) -> None:
        """In a freshly forked worker: what the report hooks print goes
        nowhere, what the phases print past the capture gets through."""
        if self._capture is not None:
            self._capture.global_and_fixture_disabled = self._suspended
        if self._wrappers is not None:
            self._config.pluginmanager.unregister(self._wrappers)
            self._wrappers = None
        self._register(self._printing & _HEARD_HOOKS, _dropping)

    def plugins(self) -> List[Any]:
        """The plugins registered (for hook subsets that leave them out)."""
        return [] if self._wrappers is None else [self._wrappers]

    def heard_again(self) -> List[str]:
        """The kinds of the workers' events the process that forked them
        must hear again (Session.replay): every test report (pytest's
        terminal statistics, --lf's record), an item's start and finish
        when an implementation of the suite's own hears them."""
        return [kind for kind, hook in HEARD_AGAIN.items() if kind == "test_report" or hook in self._printing]

    def _register(self, hook_names: FrozenSet[str], wrapper: Callable[[], Iterator[None]]) -> None:
        if hook_names:
            self._wrappers = _HookWrappers()
            for name in hook_names:
                setattr(self._wrappers, name, wrapper)
            self._config.pluginmanager.register(self._wrappers, "fastest-past-capture")

    def _ordered_wrapper(self) -> Callable[[], Iterator[None]]:
        console = self._console

        @pytest.hookimpl(hookwrapper=True, tryfirst=True)
        def ordered() -> Iterator[None]:
            console.flush()
            console.ordered = True
            try:
                yield
            finally:
                console.ordered = False
                flush_python_streams()

        return ordered


__all__ = ["PastCapture", "flush_python_streams"]
