"""The conftest hooks the native engine runs besides ``pytest_configure``
and ``pytest_generate_tests`` (conftests.py): ``pytest_addoption`` and
``pytest_collection_modifyitems``, called as pluggy calls them, and
``config.hook`` with ``pytest_deselected``.

Kept in step with ``pyh_native_hook`` (core/python/engine_mode.c) and
docs/engines.md: a conftest defining any other hook sends the run to the
pytest engine before this code is reached."""
from __future__ import annotations

from ..removed_items import dropped_items

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, List, Tuple


def call_hook(function: Callable, **arguments: Any) -> Any:
    """Calls a hook implementation with the arguments it names, as pluggy
    does (``def pytest_collection_modifyitems(config, items)`` is given
    only those two)."""
    code = function.__code__
    names = code.co_varnames[: code.co_argcount]
    return function(**{name: arguments[name] for name in names if name in arguments})


def hook_order(implementations: List[Callable]) -> List[Callable]:
    """Implementations in registration order -> the order pluggy calls them:
    ``tryfirst`` ones, then plain ones, then ``trylast`` ones, each group
    latest-registered first."""
    def bucket(function: Callable) -> int:
        options = getattr(function, "pytest_impl", None) or {}
        return 0 if options.get("tryfirst") else (2 if options.get("trylast") else 1)

    return sorted(reversed(implementations), key=bucket)


def run_hook(implementations: List[Callable], **arguments: Any) -> None:
    """Calls each implementation in pluggy's order; ``hookwrapper=True``
    ones run to their ``yield`` before the others and resume after them
    (outermost first in, last out)."""
    ordered = hook_order(implementations)
    wrappers = [f for f in ordered if (getattr(f, "pytest_impl", None) or {}).get("hookwrapper")]
    started = []
    for wrapper in wrappers:
        generator = call_hook(wrapper, **arguments)
        next(generator)
        started.append(generator)
    for function in ordered:
        if function not in wrappers:
            call_hook(function, **arguments)
    for generator in reversed(started):
        try:
            generator.send(_NoResult())
        except StopIteration:
            pass


class _NoResult:
    """What a hookwrapper's ``outcome = yield`` receives: the hooks run
    here return nothing."""

    def get_result(self) -> None:
        return None

    def force_result(self, result: Any) -> None:
        """Results are not used by the hooks run here."""


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
    counts them; other hooks are no-ops in native mode."""

    def __init__(self) -> None:
        self.deselected: List[Any] = []

    def pytest_deselected(self, items: List[Any]) -> None:
        self.deselected.extend(items)

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
