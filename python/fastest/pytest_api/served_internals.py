"""pytest's internal modules, as far as test code imports pytest's public
names from them (``from _pytest.fixtures import FixtureRequest`` for an
annotation, ``from _pytest.monkeypatch import MonkeyPatch``, sympy's
``from _pytest.outcomes import Failed``): for each module of the table the
core passes (core/discovery/served_internals.c, which also lets such
imports keep a suite native), a module in ``sys.modules`` under that name
whose served names are the light pytest's objects, resolved on first use;
the exception classes of ``_pytest.outcomes`` are those ``pytest.fail``
and the others raise. Found in ``sys.modules``, such an import asks no
finder for ``_pytest``, which the internals watch would notice; another
name comes from pytest's own module (ServedModule)."""
from __future__ import annotations

import importlib
import sys
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List


class ServedModule(types.ModuleType):
    """One of pytest's internal modules: its served names (its ``__all__``)
    are the light pytest's; reading any other imports pytest's own module in
    its place (code that discovery does not see, inside a function, asks for
    a name pytest does not export), ``on_unserved`` called first."""

    def __init__(self, name: str, names: List[str], on_unserved: Callable[[], None]) -> None:
        super().__init__(name)
        self.__all__ = sorted(names)
        self.__served_names = frozenset(names)
        self.__on_unserved = on_unserved

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in self.__served_names:
            return getattr(self.__pytests_own(), name)
        from fastest import pytest_api
        from fastest.pytest_api import outcomes

        value = getattr(outcomes, name) if hasattr(outcomes, name) else getattr(pytest_api, name)
        setattr(self, name, value)
        return value

    def __pytests_own(self) -> types.ModuleType:
        """pytest's module, imported among pytest's own: every served module
        is out of sys.modules meanwhile (pytest's modules import each other's
        names, which must be theirs), and back afterwards where pytest's did
        not take its place."""
        self.__on_unserved()
        served = {name: module for name, module in list(sys.modules.items()) if isinstance(module, ServedModule)}
        for name in served:
            del sys.modules[name]
        try:
            return importlib.import_module(self.__name__)
        except ImportError as error:
            raise AttributeError(f"module {self.__name__!r} has no attribute: {error}") from error
        finally:
            for name, module in served.items():
                sys.modules.setdefault(name, module)


def serve(table: Dict[str, List[str]], on_unserved: Callable[[], None]) -> None:
    """Puts a ServedModule in ``sys.modules`` for each module of ``table``."""
    for name, names in table.items():
        sys.modules[name] = ServedModule(name, names, on_unserved)


def is_served(module: object) -> bool:
    return isinstance(module, ServedModule)
