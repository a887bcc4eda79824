"""The third-party plugins pytest, run here, would load: with plugin
autoload on (no PYTEST_DISABLE_PLUGIN_AUTOLOAD), those of the ``pytest11``
entry points of the distributions on sys.path, but those ``-p no:NAME``
blocks by entry-point name. The native engine loads none of them: it
stands in for the ones it models (``MODELLED_MODULES``); any other sends
the run to the pytest engine (Session.plugin_need)."""
from __future__ import annotations

import functools
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, List, Optional, Tuple

# Installed plugins (by top-level module) with which a native run still
# gives pytest's outcomes: what they do, fastest does itself (xdist's -n
# and --dist, pytest-timeout's limit), or only their options or their
# tests ask for, and those send the run to pytest (their options are
# unknown to the native parser; Session.plugin_need finds their tests:
# fixtures nothing else defines, coroutines, Hypothesis tests).
MODELLED_MODULES = frozenset(
    {"xdist", "pytest_timeout", "pytest_mock", "pytest_asyncio", "anyio", "pytest_cov", "_hypothesis_pytestplugin"}
)


@functools.lru_cache(maxsize=None)
def _entry_points() -> Tuple[Tuple[str, str], ...]:
    """(name, module) of every ``pytest11`` entry point of the
    distributions on sys.path, read from their ``entry_points.txt`` (what
    importlib.metadata reads, without its ~35 ms of imports and parsing)."""
    found: List[Tuple[str, str]] = []
    for folder in dict.fromkeys(os.path.abspath(entry or ".") for entry in sys.path):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                found.extend(_section_entries(os.path.join(folder, name, "entry_points.txt")))
    return tuple(found)


def _section_entries(path: str) -> List[Tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    entries, inside = [], False
    for line in (line.strip() for line in lines):
        if line.startswith("["):
            inside = line == "[pytest11]"
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            entries.append((name.strip(), value.split(":")[0].strip()))
    return entries


def _autoload_on() -> bool:
    return not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")


def pytest_would_autoload_plugins() -> bool:
    """Whether pytest would load any installed plugin, blocked or not."""
    return _autoload_on() and bool(_entry_points())


def unmodelled_plugin(is_blocked: Callable[[str], bool]) -> Optional[str]:
    """The first installed plugin pytest would load (``is_blocked`` says
    which entry-point names ``-p no:NAME`` blocks) that the native engine
    does not stand in for, as "NAME (MODULE)"; None when there is none."""
    if not _autoload_on():
        return None
    for name, module in _entry_points():
        if not is_blocked(name) and module.split(".")[0] not in MODELLED_MODULES:
            return f"{name} ({module})"
    return None


def pytest_would_autoload(module: str) -> bool:
    """Whether pytest would autoload a plugin whose top-level module is
    ``module`` (blocked or not)."""
    return _autoload_on() and any(value.split(".")[0] == module for _name, value in _entry_points())
