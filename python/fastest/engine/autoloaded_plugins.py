"""The third-party plugins pytest, run here, would load: with plugin
autoload on (no PYTEST_DISABLE_PLUGIN_AUTOLOAD), those of the ``pytest11``
entry points of the distributions on sys.path, but those ``-p no:NAME``
blocks by entry-point name. The native engine loads none of them: it
stands in for the ones it models (``MODELLED_MODULES``); any other sends
the run to the pytest engine (Session.pytest_need)."""
from __future__ import annotations

import binascii
import functools
import marshal
import os
import sys

from ..atomic_file import write_atomically

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, List, Optional, Tuple

# Installed plugins (by top-level module) with which a native run still
# gives pytest's outcomes: what they do, fastest does itself (xdist's -n
# and --dist, pytest-timeout's limit), or only their options or their
# tests ask for, and those send the run to pytest (their options are
# unknown to the native parser; Session.pytest_need finds their tests:
# fixtures nothing else defines, coroutines, Hypothesis tests).
MODELLED_MODULES = frozenset(
    {"xdist", "pytest_timeout", "pytest_mock", "pytest_asyncio", "anyio", "pytest_cov", "_hypothesis_pytestplugin"}
)


@functools.lru_cache(maxsize=None)
def _entry_points() -> Tuple[Tuple[str, str], ...]:
    """(name, module) of every ``pytest11`` entry point of the
    distributions on sys.path, read from their ``entry_points.txt`` (what
    importlib.metadata reads, without its ~35 ms of imports and parsing).

    Reading them takes ~2 ms of every run (a Debian system's folders hold
    ~90 distributions), so the answer is cached per list of folders, under
    the user's cache folder, and used while no folder's modification time
    has changed: installing or removing a distribution adds or removes its
    ``.dist-info`` folder, which changes it."""
    folders = tuple(dict.fromkeys(os.path.abspath(entry or ".") for entry in sys.path))
    stamps = tuple(_modified(folder) for folder in folders)
    cache = _cache_file(folders)
    cached = _read_cache(cache)
    if cached is not None and cached[:2] == (folders, stamps):
        return cached[2]
    found = tuple(entry for folder in folders for entry in _folder_entries(folder))
    if cache is not None:
        write_atomically(cache, marshal.dumps((folders, stamps, found)))
    return found


def _folder_entries(folder: str) -> List[Tuple[str, str]]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found: List[Tuple[str, str]] = []
    for name in names:
        if name.endswith((".dist-info", ".egg-info")):
            found.extend(_section_entries(os.path.join(folder, name, "entry_points.txt")))
    return found


def _modified(folder: str) -> Optional[int]:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def _cache_file(folders: Tuple[str, ...]) -> Optional[str]:
    """``<user cache>/fastest/entry-points/<checksum of the folders>``, the
    user cache being $XDG_CACHE_HOME or ~/.cache (where fastest keeps its
    interpreter probes); None without either."""
    base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(os.environ["HOME"], ".cache") if os.environ.get("HOME") else None)
    if not base:
        return None
    checksum = binascii.crc32("\0".join(folders).encode("utf-8", "surrogateescape"))
    return os.path.join(base, "fastest", "entry-points", f"{checksum:08x}")


def _read_cache(cache: Optional[str]) -> Optional[tuple]:
    if cache is None:
        return None
    try:
        with open(cache, "rb") as stream:
            cached = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return cached if isinstance(cached, tuple) and len(cached) == 3 else None


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
