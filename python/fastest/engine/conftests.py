"""conftest.py files: found on each test file's directory chain (down from
the confcutdir, the ini file's directory when there is one), imported once
in the run's import mode, their fixtures registered for their directory, and
their ``pytest_plugins``, ``pytest_configure``, ``pytest_generate_tests`` and
``collect_ignore`` honoured."""
from __future__ import annotations

import os
import sys

from fastest.assertion import selection

from .importing import import_path, resolve_package_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple


class ConftestRegistry:
    def __init__(self, session_node) -> None:
        self.session = session_node
        self.config = session_node.config
        self.rootdir = self.config.rootpath_str
        confcutdir = self.config.getoption("confcutdir")
        if confcutdir is None and self.config.inipath_str is not None:
            confcutdir = os.path.dirname(self.config.inipath_str)
        self.confcutdir: Optional[str] = os.path.abspath(confcutdir) if confcutdir else None
        self._by_directory: Dict[str, Optional[Any]] = {}
        self._generate_hooks_by_file: Dict[Tuple[str, int], List[Callable]] = {}
        self.importmode = self.config.getoption("importmode") or "prepend"

    def _in_confcutdir(self, directory: str) -> bool:
        if self.confcutdir is None:
            return True
        return directory == self.confcutdir or directory.startswith(self.confcutdir + os.sep)

    def load_for(self, directory: str) -> List[Any]:
        """The conftest modules that apply to ``directory``, outermost first,
        importing those not imported yet."""
        chain = []
        current = directory
        while True:
            chain.append(current)
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        modules = []
        for candidate in reversed(chain):
            if not self._in_confcutdir(candidate) or self.config.getoption("noconftest"):
                continue
            if candidate not in self._by_directory:
                path = os.path.join(candidate, "conftest.py")
                self._by_directory[candidate] = self._import(path) if os.path.isfile(path) else None
            module = self._by_directory[candidate]
            if module is not None:
                modules.append(module)
        return modules

    def _import(self, path: str) -> Any:
        if resolve_package_path(path) is None:
            # Every directory has its own top-level "conftest" module.
            sys.modules.pop("conftest", None)
        module = import_path(path, self.importmode, self.rootdir)
        directory = os.path.dirname(path)
        relative = os.path.relpath(directory, self.rootdir).replace(os.sep, "/")
        nodeid = "" if relative == "." or relative.startswith("..") else relative
        self._load_plugins(getattr(module, "pytest_plugins", []))
        self.session._fixturemanager.parsefactories(module, nodeid)
        configure = getattr(module, "pytest_configure", None)
        if configure is not None:
            configure(self.config)
        module.__fastest_nodeid__ = nodeid
        return module

    def _load_plugins(self, specs: Any) -> None:
        """``pytest_plugins = [...]``: import the modules, register their fixtures."""
        import importlib

        if isinstance(specs, str):
            specs = [specs]
        selection.register(*specs)
        for name in specs:
            module = importlib.import_module(name)
            self._load_plugins(getattr(module, "pytest_plugins", []))
            self.session._fixturemanager.parsefactories(module, "")

    def _loaded(self) -> List[Any]:
        return [module for module in self._by_directory.values() if module is not None]

    def generate_hooks(self, nodeid: str) -> List[Callable]:
        """conftest ``pytest_generate_tests`` visible from ``nodeid``, nearest
        first; the same for every function of a file, so computed per file
        (and again when more conftest files have been loaded)."""
        key = (nodeid.split("::", 1)[0], len(self._by_directory))
        hooks = self._generate_hooks_by_file.get(key)
        if hooks is None:
            hooks = self._generate_hooks_by_file[key] = self._find_generate_hooks(key[0])
        return hooks

    def _find_generate_hooks(self, nodeid: str) -> List[Callable]:
        hooks = []
        for module in self._loaded():
            base = module.__fastest_nodeid__
            if base == "" or nodeid == base or nodeid.startswith(base + "/"):
                hook = getattr(module, "pytest_generate_tests", None)
                if hook is not None:
                    hooks.append((len(base), hook))
        hooks.sort(key=lambda pair: -pair[0])
        return [hook for _, hook in hooks]

    def is_ignored(self, path: str) -> bool:
        """Whether a conftest's ``collect_ignore``/``collect_ignore_glob`` names ``path``."""
        from fastest.globs import fnmatch

        for directory, module in self._by_directory.items():
            if module is None:
                continue
            for entry in getattr(module, "collect_ignore", None) or []:
                if os.path.abspath(os.path.join(directory, entry)) == path:
                    return True
            for pattern in getattr(module, "collect_ignore_glob", None) or []:
                if fnmatch(path, os.path.join(directory, pattern)):
                    return True
        return False
