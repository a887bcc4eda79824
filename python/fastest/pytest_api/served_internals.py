"""pytest's internal modules, as far as test code imports pytest's public
names from them (``from _pytest.fixtures import FixtureRequest`` for an
annotation, ``from _pytest.monkeypatch import MonkeyPatch``, sympy's
``from _pytest.outcomes import Failed``): for each module of the table the
core passes (core/discovery/served_internals.c, which also lets such
imports keep a suite native), a module in ``sys.modules`` under that name
whose served names are the light pytest's objects, resolved on first use;
the exception classes of ``_pytest.outcomes`` are those ``pytest.fail``
and the others raise. Found in ``sys.modules``, such an import asks no
finder for ``_pytest``, which the internals watch would notice; any other
name is missing, as a module pytest does not export it from."""
from __future__ import annotations

import sys
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List


class ServedModule(types.ModuleType):
    """One of pytest's internal modules, its served names only (its
    ``__all__``)."""

    def __init__(self, name: str, names: List[str]) -> None:
        super().__init__(name)
        self.__all__ = sorted(names)
        self.__served_names = frozenset(names)

    def __getattr__(self, name: str) -> Any:
        if name not in self.__served_names:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        from fastest import pytest_api
        from fastest.pytest_api import outcomes

        value = getattr(outcomes, name) if hasattr(outcomes, name) else getattr(pytest_api, name)
        setattr(self, name, value)
        return value


def serve(table: Dict[str, List[str]]) -> None:
    """Puts a ServedModule in ``sys.modules`` for each module of ``table``."""
    for name, names in table.items():
        sys.modules[name] = ServedModule(name, names)


def is_served(module: object) -> bool:
    return isinstance(module, ServedModule)
