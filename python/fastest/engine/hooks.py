"""Calling conftest hooks as pluggy calls them (``call_hook``,
``run_hook``), ``pytest.hookimpl``, ``config.hook`` with
``pytest_deselected``, and ``pytest_collection_modifyitems``. The other
hooks the native engine runs are called where their work is done:
``pytest_addoption`` and ``pytest_configure`` (conftests.py),
``pytest_generate_tests`` (collect_python.py), ``pytest_report_header``,
``pytest_itemcollected`` and the session hooks (``pytest_sessionstart``,
``pytest_sessionfinish``, ``pytest_terminal_summary``,
``pytest_unconfigure``; a worker's events heard again: session.py), the runtest hooks,
``pytest_runtest_logreport``, ``logstart``, ``logfinish`` and
``pytest_assertrepr_compare`` (runner.py).

Kept in step with ``pyh_native_hook`` (core/python/engine_mode.c) and
docs/engines.md: a conftest defining any other hook sends the run to the
pytest engine before this code is reached."""
from __future__ import annotations

import sys

from ..removed_items import dropped_items

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, List, Optional, Tuple


def call_hook(function: Callable, **arguments: Any) -> Any:
    """Calls a hook implementation with the arguments it names, as pluggy
    does (``def pytest_collection_modifyitems(config, items)`` is given
    only those two)."""
    code = function.__code__
    names = code.co_varnames[: code.co_argcount]
    return function(**{name: arguments[name] for name in names if name in arguments})


def call_in_turn(ordered: List[Callable], **arguments: Any) -> None:
    """Calls implementations of a hook that are not hookwrappers, already
    in ``hook_order`` (``plain_order``), as ``run_hook`` does (each with the
    arguments it names; an exception ends the call), their results
    dropped."""
    for function in ordered:
        call_hook(function, **arguments)


def _options(function: Callable) -> dict:
    return getattr(function, "pytest_impl", None) or {}


def is_hookwrapper(function: Callable) -> bool:
    return bool(_options(function).get("hookwrapper"))


def hook_order(implementations: List[Callable], subset: bool = False) -> List[Callable]:
    """Implementations in registration order -> the order pluggy calls them:
    hookwrappers, then the others; in each group ``tryfirst`` ones latest
    registered first, plain ones latest registered first, then ``trylast``
    ones earliest registered first (pluggy inserts those at the front), or
    latest registered first for a ``subset`` (a node's hook proxy leaving
    out a conftest off its path: pluggy copies the implementations into a
    new caller one by one, which reverses the trylast ones)."""
    if not any(_options(function) for function in implementations):
        return implementations[::-1]  # all plain: the common case, per report
    ordered: List[Callable] = []
    for wrappers in (True, False):
        group = [f for f in implementations if is_hookwrapper(f) == wrappers]
        trylast = [f for f in (reversed(group) if subset else group) if _options(f).get("trylast")]
        tryfirst = [f for f in reversed(group) if _options(f).get("tryfirst") and f not in trylast]
        plain = [f for f in reversed(group) if f not in trylast and f not in tryfirst]
        ordered += tryfirst + plain + trylast
    return ordered


def plain_order(implementations: List[Callable], subset: bool = False) -> Optional[List[Callable]]:
    """``hook_order(implementations, subset)`` when none is a hookwrapper
    (``call_in_turn`` calls them so); None when one is (``run_hook``'s
    call then)."""
    if any(map(is_hookwrapper, implementations)):
        return None
    return hook_order(implementations, subset)


def run_hook(implementations: List[Callable], *, firstresult: bool = False, subset: bool = False, **arguments: Any) -> Any:
    """Calls each implementation as pluggy's ``_multicall`` does, in
    ``hook_order`` (``subset``: see there): ``hookwrapper=True`` ones run to
    their ``yield``, then the others run until one raises (or, for a
    ``firstresult`` hook, returns something); the wrappers resume, innermost first, with the outcome
    (``get_result()`` gives the results, the ones not None in call order,
    or the first alone, or raises what was raised); then the exception, if
    any, propagates, else the result is returned. A wrapper raising as it
    resumes ends the call there, as in pluggy; the wrappers around it are
    closed (pluggy leaves them to the garbage collector, which the
    exception's traceback would delay)."""
    started = []
    results: List[Any] = []
    excinfo = None
    try:
        for function in hook_order(implementations, subset):
            if is_hookwrapper(function):
                generator = call_hook(function, **arguments)
                try:
                    next(generator)
                except StopIteration:
                    raise RuntimeError(f"wrap_controller at {function.__name__!r} did not yield") from None
                started.append(generator)
            else:
                result = call_hook(function, **arguments)
                if result is not None:
                    results.append(result)
                    if firstresult:
                        break
    except BaseException:
        excinfo = sys.exc_info()
    outcome = HookOutcome((results[0] if results else None) if firstresult else results, excinfo)
    try:
        while started:
            generator = started.pop()
            try:
                generator.send(outcome)
            except StopIteration:
                continue
            raise RuntimeError(f"wrap_controller at {generator.gi_code.co_name!r} has second yield")
    finally:
        for generator in reversed(started):
            generator.close()
    return outcome.get_result()


class HookOutcome:
    """What a hookwrapper's ``outcome = yield`` receives (pluggy's
    ``_Result``)."""

    def __init__(self, result: Any, excinfo: Optional[tuple]) -> None:
        self._result = result
        self._excinfo = excinfo

    @property
    def excinfo(self) -> Optional[tuple]:
        return self._excinfo

    def get_result(self) -> Any:
        if self._excinfo is not None:
            raise self._excinfo[1].with_traceback(self._excinfo[2])
        return self._result

    def force_result(self, result: Any) -> None:
        """Replace the result; the exception, if any, is gone, as in pluggy."""
        self._result = result
        self._excinfo = None


def hookimpl(function: Any = None, **options: Any) -> Any:
    """``pytest.hookimpl(tryfirst=True, ...)``: records the options where
    pluggy does (``function.pytest_impl``)."""
    def mark(target: Callable) -> Callable:
        target.pytest_impl = options  # type: ignore[attr-defined]
        return target

    return mark(function) if function is not None else mark


class HookRelay:
    """``config.hook``: ``pytest_deselected(items=...)`` records the items
    a ``pytest_collection_modifyitems`` removed, to be counted as pytest
    counts them; ``pytest_make_parametrize_id`` asks the conftests loaded so
    far (``conftests``, the session's registry, once it has one), as
    pytest's IdMaker asks ``config.hook``; other hooks are no-ops in native
    mode."""

    def __init__(self) -> None:
        self.deselected: List[Any] = []
        self.conftests: Any = None

    def pytest_deselected(self, items: List[Any]) -> None:
        self.deselected.extend(items)

    def pytest_make_parametrize_id(self, config: Any, val: object, argname: str) -> Optional[str]:
        """A parameter's id the conftests give (firstresult: the latest
        loaded answering first), or None."""
        conftests = self.conftests
        if conftests is None or "pytest_make_parametrize_id" not in conftests.defined_hooks:
            return None
        implementations = conftests.session_implementations("pytest_make_parametrize_id")
        return run_hook(implementations, firstresult=True, config=config, val=val, argname=argname)

    def __getattr__(self, name: str) -> Callable:
        return lambda **kwargs: None


def modify_items(session: Any, items: List[Any], reorder: Callable) -> Tuple[List[Any], List[Any], List[Any]]:
    """pytest_collection_modifyitems over a collection's items: the
    conftests' implementations and pytest's own reordering by
    higher-scoped parametrized fixtures (FixtureManager's implementation,
    registered when the session starts: after the initial conftests, so
    called before them). Returns the items to run, in order, those
    deselected through ``config.hook.pytest_deselected``, and those a hook
    removed without deselecting them (pytest still counts them collected)."""
    conftests = session.conftests
    modules = [module for module in conftests.loaded() if hasattr(module, "pytest_collection_modifyitems")]
    if not modules:
        return reorder(items), [], []

    def reorder_in_place(items: List[Any]) -> None:
        items[:] = reorder(items)

    implementations = [module.pytest_collection_modifyitems for module in modules]
    # Initial conftests load first: they are a prefix of the list.
    implementations.insert(sum(map(conftests.is_initial, modules)), reorder_in_place)
    relay = session.config.hook
    already_deselected = len(relay.deselected)
    collected = list(items)
    run_hook(implementations, session=session.node, config=session.config, items=items)
    deselected = relay.deselected[already_deselected:]
    return items, deselected, dropped_items(collected, items, deselected)
