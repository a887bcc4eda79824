"""Which modules get their asserts rewritten: pytest's rule.

A module is rewritten when it is a ``conftest.py``, a file named on the
command line, a file matching a ``python_files`` pattern, or a module (or a
module inside a package) registered through ``pytest.register_assert_rewrite``
or named by ``pytest_plugins``. The engine's importer asks
:func:`should_rewrite`; the light pytest module's ``register_assert_rewrite``
and the ``pytest_plugins`` loader call :func:`register`.
"""
from __future__ import annotations

import os

from fastest.globs import fnmatch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Collection, Set

_registered: Set[str] = set()


def register(*names: str) -> None:
    """Mark modules (and, for packages, everything inside them) for rewriting.
    Raises TypeError, with pytest's message, when a name is not a str."""
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"expected module names as *args, got {names!r} instead")
    _registered.update(names)


def is_registered(module_name: str) -> bool:
    return any(module_name == name or module_name.startswith(name + ".") for name in _registered)


def matches_pattern(pattern: str, path: str) -> bool:
    """pytest's ``fnmatch_ex``: a pattern without a separator matches the file
    name; one with a separator matches the whole path, anchored anywhere when
    the path is absolute and the pattern is not ("tests/**/test_*.py")."""
    if os.sep not in pattern:
        return fnmatch(os.path.basename(path), pattern)
    if os.path.isabs(path) and not os.path.isabs(pattern):
        pattern = f"*{os.sep}{pattern}"
    return fnmatch(path, pattern)


def may_rewrite(module_name: str, python_files: Collection[str], initial_names: Collection[str] = ()) -> bool:
    """False when no file ``module_name`` can be imported from would be
    rewritten, known from the name alone (pytest's early bailout): the
    file's name is ``<last part>.py`` or, for a package, ``__init__.py``,
    and only a conftest, a file named on the command line (``initial_names``:
    their names without ``.py``), a ``python_files`` match or a registered
    module is rewritten. Spares the finder its search of sys.path for every
    other import."""
    last = module_name.rpartition(".")[2]
    if last == "conftest" or last in initial_names or is_registered(module_name):
        return True
    return any(os.sep in pattern or fnmatch(last + ".py", pattern) or fnmatch("__init__.py", pattern)
               for pattern in python_files)


def should_rewrite(
    module_name: str, path: str, python_files: Collection[str], initial_paths: Collection[str] = ()
) -> bool:
    """True when the module ``module_name``, loaded from ``path``, gets its
    asserts rewritten. ``python_files`` is the ini value (default
    ``["test_*.py", "*_test.py"]``); ``initial_paths`` are the absolute paths
    of the files given on the command line."""
    if os.path.basename(path) == "conftest.py":
        return True
    if os.path.abspath(path) in initial_paths:
        return True
    if any(matches_pattern(pattern, path) for pattern in python_files):
        return True
    return is_registered(module_name)
