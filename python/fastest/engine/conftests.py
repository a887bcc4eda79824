"""conftest.py files: found on each test file's directory chain (down from
the confcutdir, the ini file's directory when there is one), imported once
in the run's import mode, their fixtures registered for their directory, and
their ``pytest_plugins``, ``pytest_addoption``, ``pytest_configure`` and
``collect_ignore`` honoured, their other hooks found for the nodes they
apply to.

The initial conftests (those of the command line's paths, as pytest's
``_set_initial_conftests`` finds them) load when the session starts: their
options exist before any test module is imported, and their
``pytest_configure`` runs once all of them have added theirs."""
from __future__ import annotations

import os
import sys

from fastest.assertion import selection
from fastest.pytest_api.outcomes import TEST_OUTCOME

from .hooks import call_hook, hook_order
from .importing import import_path, resolve_package_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple

    from .option_parser import Parser


class ConftestImportFailure(Exception):
    """A conftest.py failed to import (pytest's exception of that name):
    its ``path``, and the exception it raised as ``cause``."""

    def __init__(self, path: str, cause: BaseException) -> None:
        super().__init__(path, cause)
        self.path = path
        self.cause = cause


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
        self._implementations: Dict[Tuple[str, str, int], Tuple[List[Callable], List[Callable], bool]] = {}
        # The hooks the conftests imported so far define (most suites'
        # define none that runs per item: one lookup tells).
        self.defined_hooks: set = set()
        self.importmode = self.config.getoption("importmode") or "prepend"
        # pytest_addoption's parser, made for the first conftest with one.
        self.parser: Optional[Parser] = None
        self._initial: set = set()
        # pytest_configure waits while the initial conftests load.
        self._configure_at_import = True

    def load_initial(self) -> List[dict]:
        """Imports the conftests of the command line's paths (the
        invocation directory without any), and of their ``test*``
        subdirectories, as pytest does before it parses the command line;
        then runs their ``pytest_configure``. One failing to import stops
        everything, as in pytest: StartupRefusal with pytest's message.
        Returns the warning events of the imports, which pytest's warnings
        plugin records (its pytest_load_initial_conftests wrapper)."""
        from .collect_module import collection_warnings

        cwd = self.config.invocation_params.dir_str
        anchors = [os.path.abspath(os.path.join(cwd, arg.split("::", 1)[0])) for arg in self.config.args]
        anchors = [anchor for anchor in anchors if os.path.exists(anchor)] or [cwd]
        directories = []
        for anchor in anchors:
            if not os.path.isdir(anchor):
                directories.append(os.path.dirname(anchor))
                continue
            directories.append(anchor)
            for name in sorted(os.listdir(anchor)):
                if name.startswith("test") and os.path.isdir(os.path.join(anchor, name)):
                    directories.append(os.path.join(anchor, name))
        self._configure_at_import = False
        # pytest imports them under its capture: they see the sys.stdout
        # the tests will see, and what they print waits in the capture for
        # the first file's collection (or, when one fails, is written out
        # ahead of pytest's refusal).
        capture = self.session.capture
        capture.hold()
        try:
            with collection_warnings(self.config) as warning_events:
                for directory in directories:
                    self.load_for(directory)
        except ConftestImportFailure as failure:
            # pytest refuses to start: its words on stderr, exit 4.
            from fastest.startup_refusal import StartupRefusal

            capture.release()
            capture.write_out_pending()

            from .longrepr import render_conftest_import_failure

            raise StartupRefusal(render_conftest_import_failure(failure.cause, failure.path)) from None
        except TEST_OUTCOME:
            pass  # a skip: collection imports it again and reports it
        finally:
            capture.release()
            self._configure_at_import = True
        self._initial = {id(module) for module in self.loaded()}
        # A historic hook call: the latest registered runs first.
        for module in reversed(self.loaded()):
            self._configure(module)
        return warning_events

    def is_initial(self, module: Any) -> bool:
        """Whether ``module`` was loaded by load_initial()."""
        return id(module) in self._initial

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
        try:
            module = import_path(path, self.importmode, self.rootdir)
        except Exception as exc:
            raise ConftestImportFailure(path, exc) from exc
        except BaseException as exc:
            # sys.exit() or a Ctrl-C while a conftest imports: an initial
            # conftest's ends the process, as in pytest; a later one's, met
            # while collecting, fails the session's collection, whose
            # pytest catches everything.
            if not self._configure_at_import:
                raise
            raise ConftestImportFailure(path, exc) from exc
        directory = os.path.dirname(path)
        relative = os.path.relpath(directory, self.rootdir).replace(os.sep, "/")
        nodeid = "" if relative == "." or relative.startswith("..") else relative
        self._load_plugins(getattr(module, "pytest_plugins", []))
        self.session._fixturemanager.parsefactories(module, nodeid)
        addoption = getattr(module, "pytest_addoption", None)
        if addoption is not None:
            if self.parser is None:
                from .option_parser import Parser

                self.parser = Parser(self.config)
            call_hook(addoption, parser=self.parser, pluginmanager=self.config.pluginmanager)
        if self._configure_at_import:
            self._configure(module)
        module.__fastest_nodeid__ = nodeid
        self.defined_hooks.update(name for name in vars(module) if name.startswith("pytest_"))
        return module

    def _configure(self, module: Any) -> None:
        configure = getattr(module, "pytest_configure", None)
        if configure is not None:
            configure(self.config)

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

    def loaded(self) -> List[Any]:
        """The conftest modules imported so far, in import order."""
        return [module for module in self._by_directory.values() if module is not None]

    def implementations(self, name: str, nodeid: str) -> Tuple[List[Callable], List[Callable], bool]:
        """The conftests' implementations of hook ``name`` that apply to the
        node ``nodeid`` (those of its file's directory chain, as pytest's
        ``gethookproxy``), in registration order: the initial conftests'
        (registered before pytest configures its plugins), then the
        others'; and whether a loaded conftest off that chain implements
        it too (pluggy then calls a subset: see hooks.hook_order). The same
        for every node of a file: computed per file (and again when more
        conftest files have been loaded)."""
        key = (name, nodeid.split("::", 1)[0], len(self._by_directory))
        found = self._implementations.get(key)
        if found is None:
            defining = [module for module in self.loaded() if hasattr(module, name)]
            modules = [module for module in defining if _applies(module, key[1])]
            found = self._implementations[key] = (
                [getattr(module, name) for module in modules if self.is_initial(module)],
                [getattr(module, name) for module in modules if not self.is_initial(module)],
                len(modules) < len(defining),
            )
        return found

    def session_implementations(self, name: str) -> List[Callable]:
        """Every loaded conftest's implementation of hook ``name``, for the
        hooks pytest calls on all its plugins (``config.hook``: session
        start and finish, unconfigure), in registration order: the initial
        conftests', then the others' (run_hook calls them as pluggy does)."""
        modules = self.loaded()
        ordered = [module for module in modules if self.is_initial(module)]
        ordered += [module for module in modules if not self.is_initial(module)]
        return [getattr(module, name) for module in ordered if hasattr(module, name)]

    def generate_hooks(self, nodeid: str) -> List[Callable]:
        """conftest ``pytest_generate_tests`` visible from ``nodeid``, in the
        order pluggy calls them."""
        initial, later, subset = self.implementations("pytest_generate_tests", nodeid)
        return hook_order(initial + later, subset)

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


def _applies(module: Any, nodeid: str) -> bool:
    """Whether the conftest ``module`` is on the directory chain of the
    file ``nodeid`` names."""
    base = module.__fastest_nodeid__
    return base == "" or nodeid == base or nodeid.startswith(base + "/")
