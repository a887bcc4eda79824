"""pytest's legacy py.path attributes, which its "legacypath" plugin adds
(``node.fspath``, ``request.fspath``, ``config.rootdir``, ``inifile``,
``invocation_dir``, ``session.startdir``): a path as the type ``tmpdir``
has, ``py.path.local`` where ``py`` is importable, else the builtin
fixtures' stand-in. Older suites find their data with them
(``request.fspath.dirpath().join("data")``), which a pathlib path cannot do.
"""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def legacy_path(path: "os.PathLike[str] | str") -> Any:
    from fastest_builtin_fixtures.legacy_path import LEGACY_PATH

    return LEGACY_PATH(os.fspath(path))
