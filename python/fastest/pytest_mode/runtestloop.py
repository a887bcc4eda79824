"""pytest_runtestloop's wrappers around the items fastest runs.

pytest runs every item from one call of pytest_runtestloop: its own
implementation loops over them, and plugins wrap it (pytest-cov makes its
coverage report after the loop, pytest's logging plugin keeps its handlers
on the root logger around it, a conftest may time the run). fastest runs
the items itself, a batch at a time or in workers, so the call is split in
two as pluggy's _multicall runs it: each wrapper's code up to its yield
before the first item (enter), the rest after the last one (leave), handed
the loop's outcome: True, as pytest's own loop returns, or the
interruption that ended it (a KeyboardInterrupt, pytest.exit, the Failed
or Interrupted its loop raises once -x, --maxfail or --sw stop the
session, or the Interrupted collection errors cause).

The process that ends pytest's session enters and leaves them, as
pytest-xdist's controller runs the hook around its workers: in-process
around the items, with workers around all of them (entered before the
first fork). A forked worker inherits them entered and leaves them alone
(kept_by_parent): the end of a wrapper in a worker would take that
worker's share of the items for the run.
"""
from __future__ import annotations

from typing import Any, Generator, List, Optional

from pluggy._result import _Result


class RuntestloopWrappers:
    def __init__(self, config: Any, session: Any) -> None:
        self._config = config
        self._session = session
        self._entered: List[Generator[None, Any, None]] = []
        self._inherited: List[Generator[None, Any, None]] = []
        self._active = False

    def enter(self) -> None:
        """Each wrapper up to its yield, outermost first (once)."""
        if self._active:
            return
        self._active = True
        arguments = {"session": self._session}
        implementations = self._config.hook.pytest_runtestloop.get_hookimpls()
        for implementation in reversed(implementations):
            if implementation.hookwrapper:
                wrapper = implementation.function(*(arguments[name] for name in implementation.argnames))
                next(wrapper)
                self._entered.append(wrapper)

    def leave(self, interruption: Optional[BaseException]) -> None:
        """The rest of each wrapper, innermost first."""
        session = self._session
        if interruption is None and session.shouldfail:
            interruption = session.Failed(session.shouldfail)
        elif interruption is None and session.shouldstop:
            interruption = session.Interrupted(session.shouldstop)
        if interruption is None:
            outcome = _Result(True, None)
        else:
            outcome = _Result(None, (type(interruption), interruption, interruption.__traceback__))
        entered, self._entered = self._entered, []
        self._active = False
        for wrapper in reversed(entered):
            try:
                wrapper.send(outcome)
            except StopIteration:
                continue
            except BaseException as error:
                # The loop's own end, raised again by outcome.get_result():
                # it leaves pluggy's call there, the outer wrappers' rest
                # unrun, and pytest's session handles it (as the core does).
                if error is interruption:
                    return
                raise
            raise RuntimeError(f"pytest_runtestloop wrapper {wrapper!r} has a second yield")

    def kept_by_parent(self) -> None:
        """In a freshly forked worker: the wrappers the parent entered stay
        suspended here: closed, they would run their exits (the logging
        plugin's would take its handlers off before the worker's items)."""
        self._inherited, self._entered = self._entered, []
        self._active = False


__all__ = ["RuntestloopWrappers"]
