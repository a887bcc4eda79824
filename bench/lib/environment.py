"""The environment every measured tool runs with."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Dict


def tool_environment(python: str) -> Dict[str, str]:
    """The caller's environment, for measuring fastest against the pytest of
    ``python``. fastest runs a suite in the environment of the first
    `python3` on PATH (after an active virtualenv): PATH starts with
    ``python``'s folder, so every tool runs in the same environment (a pyenv
    `python3` first on PATH would give fastest other site-packages and other
    .pth files). Third-party plugins are not autoloaded, as fastest's native
    engine loads none; PYTHONDONTWRITEBYTECODE is removed, so every tool
    writes and reuses .pyc files as in real use."""
    path = os.pathsep.join([str(Path(python).parent), os.environ.get("PATH", "")])
    env = dict(os.environ, PATH=path, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", COLUMNS="80")
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTEST_ADDOPTS", "PYTEST_PLUGINS", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env
