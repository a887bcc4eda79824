"""Importing test modules and conftest files as pytest 7.2 does
(``_pytest/pathlib.py: import_path``), with assert rewriting.

Import modes:
  prepend   the package root (the parent of the outermost directory with an
            ``__init__.py`` chain, else the file's directory) goes first on
            sys.path; the module is imported by its dotted name.
  append    the same, appended to sys.path.
  importlib the file is imported by path under a name derived from its path
            relative to rootdir, sys.path untouched.

Rewriting: ``install_import_hook(python_files, initial_paths)`` puts a
finder first on ``sys.meta_path`` that compiles the modules fastest must
rewrite (test modules, files named on the command line, conftest files,
``pytest.register_assert_rewrite`` names, and ``pytest_plugins`` modules:
``fastest.assertion.selection``; other imports it leaves at once, by
their name) through
``fastest.assertion.pyc_cache``, which keeps the rewritten code beside the
source. Neither the rewriter (``ast``) nor ``importlib.util`` is imported
while every module comes from that cache.
"""
from __future__ import annotations

import importlib.machinery
import os
import sys

from fastest.assertion.selection import may_rewrite, should_rewrite

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional


class ImportPathMismatchError(ImportError):
    """A module of the same name was already imported from another file:
    args (module name, its file, the file wanted, a Path), and named, as
    pytest's, which a conftest's import error shows as
    "_pytest.pathlib.ImportPathMismatchError: (...)"."""


ImportPathMismatchError.__module__ = "_pytest.pathlib"


def resolve_package_path(path: str) -> Optional[str]:
    """The outermost directory of the ``__init__.py`` chain holding ``path``
    (``path`` itself when it is such a directory), or None."""
    result = None
    directory = path if os.path.isdir(path) else os.path.dirname(path)
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        if not os.path.basename(directory).isidentifier():
            break
        result = directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return result


def module_name_for(path: str) -> tuple:
    """(module name, the sys.path entry it is importable from) for prepend
    and append modes."""
    package_path = resolve_package_path(path)
    if package_path is None:
        return os.path.splitext(os.path.basename(path))[0], os.path.dirname(path)
    package_root = os.path.dirname(package_path)
    names = os.path.splitext(os.path.relpath(path, package_root))[0].split(os.sep)
    if names[-1] == "__init__":
        names.pop()
    return ".".join(names), package_root


def import_path(path: str, mode: str, rootdir: str):
    """Import the file at absolute ``path`` per ``mode``; return the module.

    Raises ImportPathMismatchError when another module of the same dotted
    name is already loaded from a different file (pytest's "import file
    mismatch")."""
    if mode == "importlib":
        return _import_by_path(path, rootdir)
    module_name, sys_path_entry = module_name_for(path)
    if mode == "append":
        if sys_path_entry not in sys.path:
            sys.path.append(sys_path_entry)
    elif not sys.path or sys.path[0] != sys_path_entry:
        sys.path.insert(0, sys_path_entry)
    importlib.import_module(module_name)
    module = sys.modules[module_name]
    if os.path.basename(path) == "__init__.py":
        return module
    if os.environ.get("PY_IGNORE_IMPORTMISMATCH", "") != "1":
        module_file = getattr(module, "__file__", None) or ""
        if module_file.endswith((".pyc", ".pyo")):
            module_file = module_file[:-1]
        init_suffix = os.sep + "__init__.py"
        if module_file.endswith(init_suffix):
            module_file = module_file[: -len(init_suffix)]
        if not _same_file(path, module_file):
            from pathlib import Path

            raise ImportPathMismatchError(module_name, module_file, Path(path))
    return module


def _same_file(a: str, b: str) -> bool:
    try:
        return a == b or os.path.samefile(a, b)
    except OSError:
        return False


def _import_by_path(path: str, rootdir: str):
    """importlib mode: a fresh module named after its rootdir-relative path."""
    relative = os.path.splitext(os.path.relpath(path, rootdir))[0]
    parts = [part for part in relative.split(os.sep) if part not in ("", ".", "..")]
    if parts and parts[-1] == "__init__":
        parts.pop()
    module_name = ".".join(parts)
    spec = None
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec = find_spec(module_name, [os.path.dirname(path)]) if find_spec else None
        if spec is not None and spec.origin == path:
            break
        spec = None
    import importlib.util

    if spec is None:
        spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    _insert_missing_parents(module_name)
    return module


def _insert_missing_parents(module_name: str) -> None:
    """Give ``a.b.c`` importable parents ``a`` and ``a.b`` (empty modules
    when they cannot be imported), as pytest's importlib mode does."""
    import types

    parts = module_name.split(".")
    while len(parts) > 1:
        child = ".".join(parts)
        parts.pop()
        parent = ".".join(parts)
        if parent not in sys.modules:
            try:
                importlib.import_module(parent)
            except ImportError:
                sys.modules[parent] = types.ModuleType(parent, doc="Empty module created by fastest")
        setattr(sys.modules[parent], child.rsplit(".", 1)[1], sys.modules[child])


class RewritingLoader(importlib.machinery.SourceFileLoader):
    """Compiles through the assertion rewriter and its bytecode cache."""

    def get_code(self, fullname: str):
        from fastest.assertion.pyc_cache import load_or_rewrite

        return load_or_rewrite(self.get_filename(fullname))


class RewritingFinder:
    """A meta path finder that claims the modules to rewrite
    (``fastest.assertion.selection`` decides which)."""

    def __init__(self, python_files: Iterable[str], initial_paths: Iterable[str]) -> None:
        self.python_files = list(python_files)
        self.initial_paths = frozenset(initial_paths)
        self.initial_names = frozenset(os.path.splitext(os.path.basename(path))[0] for path in self.initial_paths)

    def find_spec(self, name: str, path=None, target=None):
        if not may_rewrite(name, self.python_files, self.initial_names):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None
        if not spec.origin or not should_rewrite(name, spec.origin, self.python_files, self.initial_paths):
            return None
        spec.loader = RewritingLoader(name, spec.origin)
        return spec

    def invalidate_caches(self) -> None:
        """PathFinder keeps the caches; nothing of ours to drop."""


_finder: Optional[RewritingFinder] = None


def install_import_hook(python_files: Iterable[str] = (), initial_paths: Iterable[str] = ()) -> RewritingFinder:
    """Rewrite asserts of test modules (files matching ``python_files``, and
    the files named on the command line: ``initial_paths``, absolute),
    conftest files and registered modules imported from now on."""
    global _finder
    if _finder is not None and _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    _finder = RewritingFinder(python_files, initial_paths)
    sys.meta_path.insert(0, _finder)
    return _finder
