"""Whether pytest, run here, would load third-party plugins: plugin
autoload on (no PYTEST_DISABLE_PLUGIN_AUTOLOAD) and a ``pytest11`` entry
point installed in the target environment."""
from __future__ import annotations

import functools
import os


@functools.lru_cache(maxsize=None)
def pytest_would_autoload_plugins() -> bool:
    """See the module docstring; the answer for the run's start. Reads the
    installed distributions' metadata (~35 ms here): asked only when the
    answer matters, once."""
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    from importlib.metadata import entry_points

    return any(True for _ in entry_points(group="pytest11"))


@functools.lru_cache(maxsize=None)
def pytest_would_autoload(module: str) -> bool:
    """Whether pytest would autoload the plugin whose top-level module is
    ``module``: autoload on and the module importable (its distribution,
    and with it its ``pytest11`` entry point, installed); a look along
    ``sys.path``, not the metadata scan."""
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    from importlib.util import find_spec

    return find_spec(module) is not None
