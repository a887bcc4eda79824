"""``pytest.main`` and ``pytest.console_main`` for tests that run pytest
themselves (numpy's ``np.test()``): the light ``pytest`` module cannot run
a session, so the pytest installed where the tests run does, with
``sys.modules["pytest"]`` its own for the call (the code it imports gets
the real API, and pytest's own internal modules, not those
served_internals.py serves) and the light module back afterwards, with
the modules that hold it."""
from __future__ import annotations

import importlib
import sys

from .served_internals import is_served

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Optional, Sequence


def main(args: Optional[Sequence[Any]] = None, plugins: Optional[List[Any]] = None) -> Any:
    """Run a pytest session in this process; its exit code."""
    return _call_real("main", args, plugins)


def console_main() -> int:
    """pytest's command-line entry point, in this process."""
    return _call_real("console_main")


def _call_real(name: str, *args: Any) -> Any:
    light = sys.modules.get("pytest")
    # Modules bound to the light API (test modules, conftests, helpers that
    # import pytest) are imported afresh by the inner session, whose pytest
    # rejects light marks and fixtures; they come back afterwards.
    hidden = {module_name: module for module_name, module in list(sys.modules.items())
              if module is light or _holds(module, light) or is_served(module)}
    for module_name in hidden:
        del sys.modules[module_name]
    try:
        real = importlib.import_module("pytest")
        return getattr(real, name)(*args)
    finally:
        sys.modules.update(hidden)


def _holds(module: Any, light: Any) -> bool:
    """Whether ``module`` imported the light module as ``pytest`` (read
    from its namespace: a module's ``__getattr__`` is never called)."""
    namespace = getattr(module, "__dict__", None)
    return isinstance(namespace, dict) and namespace.get("pytest") is light
