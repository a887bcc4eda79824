"""pytest's own frames in the traceback of a failed import, in place of
the engine's.

Where pytest shows a test module's import failure whole (a SyntaxError;
an ImportError with ``-vv``) its traceback runs from its collector's call
of ``import_path``, through ``import_path`` itself, importlib's frames,
and its assertion rewriter's loader, which either parsed the module (the
syntax error is the module's) or executed it (the error is raised by its
code, or by a module it imports)::

    .../_pytest/python.py:618: in _importtestmodule
        mod = import_path(self.path, mode=importmode, root=self.config.rootpath)
    .../_pytest/pathlib.py:533: in import_path
        importlib.import_module(module_name)
    ... importlib's frames ...
    .../_pytest/assertion/rewrite.py:159: in exec_module
        source_stat, co = _rewrite_test(fn, self.config)
    .../_pytest/assertion/rewrite.py:342: in _rewrite_test
        tree = ast.parse(source, filename=strfn)
    .../ast.py:50: in parse

A conftest that fails as the session collects shows the same from
importlib's frames on. The engine's frames stand for these;
``as_pytest_imports`` puts pytest's in their place, each line found in the
pytest installed where the tests run (pytest_sites). Without that pytest,
or when its code differs, the entries are left as they are."""
from __future__ import annotations

from types import SimpleNamespace

from .importing import RewritingLoader, import_path
from .longrepr_traceback import code_path, is_framework_frame
from .pytest_sites import function_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import CodeType
    from typing import List, Optional, Tuple

    from .longrepr_traceback import Entry

# (file of _pytest, function, its line) each engine frame stands for.
_COLLECTOR = ("python.py", "_importtestmodule", "mod = import_path(self.path, mode=importmode, root=self.config.rootpath)")
_IMPORT_PATH = {
    "importlib": ("pathlib.py", "import_path", "spec.loader.exec_module(mod)  # type: ignore[union-attr]"),
    "prepend": ("pathlib.py", "import_path", "importlib.import_module(module_name)"),
    "append": ("pathlib.py", "import_path", "importlib.import_module(module_name)"),
}
_LOADER_PARSING = (
    ("assertion/rewrite.py", "exec_module", "source_stat, co = _rewrite_test(fn, self.config)"),
    ("assertion/rewrite.py", "_rewrite_test", "tree = ast.parse(source, filename=strfn)"),
)
_LOADER_EXECUTING = (("assertion/rewrite.py", "exec_module", "exec(co, module.__dict__)"),)

# What a frame of pytest shows beyond its line: no locals, nothing hidden.
_NO_FRAME = SimpleNamespace(f_locals={}, f_globals={})


class SiteEntry:
    """A traceback entry at a line of pytest's code: rendered as pytest
    renders its own frame there."""

    __slots__ = ("code", "lineno", "style")
    frame = _NO_FRAME

    def __init__(self, code: CodeType, lineno: int) -> None:
        self.code = code
        self.lineno = lineno  # 0-based, as Entry's
        self.style = None

    def path(self) -> Tuple[str, bool]:
        return code_path(self.code)

    def is_hidden(self) -> bool:
        return False


def as_pytest_imports(entries: List[Entry], import_mode: Optional[str]) -> List[Entry]:
    """``entries`` with pytest's importer frames in place of the engine's:
    its rewriting loader's, and, given the ``import_mode`` a test module
    was imported with, its collector's and ``import_path``'s. The engine's
    other frames stay, for the caller to leave out."""
    try:
        return _with_pytest_frames(entries, import_mode)
    except LookupError:
        return entries


def _with_pytest_frames(entries: List[Entry], import_mode: Optional[str]) -> List[Entry]:
    shown: List[Entry] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if entry.code is import_path.__code__ and import_mode is not None:
            shown += _sites((_COLLECTOR, _IMPORT_PATH.get(import_mode, _IMPORT_PATH["prepend"])))
        elif _is_rewriting_load(entry):
            parsing = index < len(entries) and is_framework_frame(entries[index])
            shown += _sites(_LOADER_PARSING if parsing else _LOADER_EXECUTING)
            # What pytest's lines stand for: the engine's parsing, or
            # importlib's call of exec() (pytest calls exec() itself).
            while index < len(entries) and (is_framework_frame(entries[index]) if parsing else _is_exec_call(entries[index])):
                index += 1
        else:
            shown.append(entry)
    return shown


def _is_exec_call(entry: Entry) -> bool:
    return entry.code.co_name == "_call_with_frames_removed" and entry.code.co_filename.startswith("<frozen ")


def _is_rewriting_load(entry: Entry) -> bool:
    """importlib's exec_module for the engine's rewriting loader."""
    return entry.code.co_name == "exec_module" and isinstance(entry.frame.f_locals.get("self"), RewritingLoader)


def _sites(sites: Tuple[Tuple[str, str, str], ...]) -> List[SiteEntry]:
    """Entries at these lines of pytest's; LookupError when one is not there."""
    entries = []
    for site in sites:
        found = function_line(*site)
        if found is None:
            raise LookupError(site)
        path, first_line, line = found
        entries.append(SiteEntry(_code_at(path, site[1], first_line), line - 1))
    return entries


def _code_at(path: str, function: str, first_line: int) -> CodeType:
    """A code object as ``function``'s, defined at ``first_line`` of ``path``."""
    stub = compile("def _(): pass", path, "exec").co_consts[0]
    return stub.replace(co_name=function, co_firstlineno=first_line)
