"""fastest's own command-line options, declared to the real pytest.

The pytest engine hands pytest the command line as the user typed it, so that
options of pytest's plugins (entry points, ``-p``, conftest files) are parsed
by the parser that knows them. fastest's own options (``--strategy``,
``--engine``, ``-n``, its plugins' options, ...) are on that line too; this
plugin adds them to pytest's parser so that pytest accepts and ignores them.

An option already defined by a pytest plugin (``-n`` when pytest-xdist is
installed, ``--timeout`` with pytest-timeout) is left to that plugin: the
names are added after the installed plugins registered theirs
(``pytest_load_initial_conftests`` runs once every entry point and ``-p``
plugin is loaded, before the conftest files).
"""
from __future__ import annotations

from typing import Any, Iterable, List, Sequence, Set

import pytest

# One option: its flags and whether it takes a value.
OptionSpec = Sequence[Any]  # [[flag, ...], takes_value]

_GROUP = "fastest (handled by fastest, ignored by pytest)"


def _taken_names(parser: Any) -> Set[str]:
    names: Set[str] = set()
    for group in [parser._anonymous, *parser._groups]:
        for option in group.options:
            names.update(option.names())
    return names


class OwnOptions:
    """A pytest plugin declaring the given options (see the module doc)."""

    def __init__(self, specs: Iterable[OptionSpec]) -> None:
        self._specs: List[OptionSpec] = list(specs)

    @pytest.hookimpl(tryfirst=True)
    def pytest_load_initial_conftests(self, early_config: Any, parser: Any) -> None:
        taken = _taken_names(parser)
        group = parser.getgroup(_GROUP)
        for index, (flags, takes_value) in enumerate(self._specs):
            free = [flag for flag in flags if flag not in taken]
            if not free:
                continue
            # Short flags (-n) are only accepted by the anonymous group's
            # lowercase check when added through _addoption.
            group._addoption(
                *free,
                dest=f"fastest_own_option_{index}",
                action="store" if takes_value else "store_true",
                help="fastest's option",
            )
            taken.update(free)


__all__ = ["OwnOptions"]
