"""Collecting a test file, in pytest's two steps: finding it (its
conftest chain, collect_ignore), then its package nodes, the import, and
the items; every failure becomes a ``collect_report`` event the way pytest
reports it (errors, module-level skips)."""
from __future__ import annotations

import os

from fastest.pytest_api.outcomes import TEST_OUTCOME, Skipped

from .collect_errors import CollectError
from .collect_python import PythonCollector
from .conftests import ConftestImportFailure
from .importing import ImportPathMismatchError, import_path
from .nodes import Module, Package

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Optional, Tuple


def _package_of(session_node, directory: str):
    """The parent of a test module in ``directory``: its Package node when
    the directory (below rootdir) has an ``__init__.py``, else the session.
    pytest 7.2 keeps packages flat: every Package is a child of the session,
    so a subpackage's tests run outside their enclosing package's setup
    (its ``__init__`` setup_module, its package-scoped fixtures)."""
    rootdir = session_node.path_str
    init_file = os.path.join(directory, "__init__.py")
    if not (directory.startswith(rootdir + os.sep) and os.path.isfile(init_file)):
        return session_node
    nodeid = os.path.relpath(init_file, rootdir).replace(os.sep, "/")
    cache = session_node.stash.setdefault("packages", {})
    package = cache.get(nodeid)
    if package is None:
        package = cache[nodeid] = Package(os.path.basename(directory), session_node, nodeid, init_file)
    return package


def _report(nodeid: str, outcome: str, **fields: Any) -> dict:
    # pytest's CollectReport.location is (fspath, None, fspath).
    fspath = nodeid.split("::", 1)[0]
    return {
        "kind": "collect_report",
        "node_id": nodeid,
        "outcome": outcome,
        "location_path": fspath,
        "location_domain": fspath,
        **fields,
    }


def _error_report(session, nodeid: str, path: str, exc: BaseException, import_mode: Optional[str] = None) -> dict:
    """The failed collect report of ``path`` for ``exc``; ``import_mode``
    when importing the test module raised it (render_collect_error)."""
    from fastest.engine.longrepr import collect_message, render_collect_error

    if isinstance(exc, CollectError):
        return _report(nodeid, "failed", **collect_message(str(exc), session.node.terminal))

    config = session.config
    rendered = render_collect_error(
        exc,
        path=path,
        style=config.getoption("tbstyle") or "auto",
        showlocals=config.getoption("showlocals"),
        invocation_dir=config.invocation_params.dir_str,
        verbosity=config.getoption("verbose"),
        terminal=session.node.terminal,
        import_mode=import_mode,
    )
    return _report(nodeid, "failed", **{k: v for k, v in rendered.items() if v is not None})


def _mismatch_report(session, nodeid: str, exc: ImportPathMismatchError) -> dict:
    """pytest's collect report of a test module whose dotted name another
    file holds already (its Module's import turns the error into this
    text; a conftest's reaches the session's report as it is)."""
    from fastest.engine.longrepr import collect_message

    name, module_file, test_file = exc.args
    text = (
        f"import file mismatch:\nimported module '{name}' has this __file__ attribute:\n"
        f"  {module_file}\nwhich is not the same as the test file we want to collect:\n"
        f"  {test_file}\nHINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules"
    )
    return _report(nodeid, "failed", **collect_message(text, session.node.terminal))


def session_error_report(session, exc: BaseException) -> dict:
    """The collect report of the session itself (node id ""), for a
    conftest.py below the command line's directories that failed to
    import: pytest loads those while walking the session's directories, so
    the session's collection fails, with nothing collected."""
    return _error_report(session, "", session.config.rootpath_str, exc)


def collection_warnings(config: Any) -> Any:
    """The block that records the warnings collection issues, as pytest's
    warnings plugin records them around its collection (none with
    ``-p no:warnings``): entered, a list that holds their events once it
    exits."""
    from fastest.engine.warnings_capture import catch_phase, not_caught

    if config.blocks_plugin("warnings"):
        return not_caught()
    return catch_phase(
        ini_filters=config.getini("filterwarnings"),
        cmdline_filters=config.getoption("pythonwarnings") or (),
        mark_filters=(),
        nodeid="",
    )


class FoundFile:
    """A test file as pytest's session finds it, before it imports any
    test module: the conftests on its folder's chain loaded, whether a
    conftest's ``collect_ignore`` leaves it out checked. ``reports``: a
    conftest that raised a test outcome (a skip) as it loaded fails the
    file, which is then not ``collectable``."""

    __slots__ = ("path", "nodeid", "reports", "collectable")

    def __init__(self, path: str, nodeid: str, reports: List[dict], collectable: bool) -> None:
        self.path = path
        self.nodeid = nodeid
        self.reports = reports
        self.collectable = collectable


def find_file(session, relative_path: str) -> FoundFile:
    """The file at ``relative_path`` found (see FoundFile). pytest finds
    every file before importing any (its session collects the files, then
    each file's module): a test module's ``from conftest import ...`` gets
    the conftest loaded last, a hook every conftest implements
    (pytest_make_parametrize_id) hears them all."""
    config = session.config
    path = os.path.join(config.rootpath_str, relative_path)
    nodeid = relative_path.replace(os.sep, "/")
    reports: List[dict] = []
    collectable = False
    with collection_warnings(config) as warning_events:
        try:
            session.conftests.load_for(os.path.dirname(path))
        except ConftestImportFailure:
            raise  # the session's failure: see session_error_report
        except TEST_OUTCOME as exc:
            reports.append(_error_report(session, nodeid, path, exc))
        else:
            collectable = not session.conftests.is_ignored(path)
    session.collect_warnings.extend(warning_events)
    return FoundFile(path, nodeid, reports, collectable)


def collect_file(session, found: FoundFile) -> Tuple[List[Any], List[dict]]:
    """(items, collect_report events) of a found file: its module imported
    and collected."""
    if not found.collectable:
        return [], found.reports
    with collection_warnings(session.config) as warning_events:
        items, reports = _collect_module(session, found.path, found.nodeid)
    session.collect_warnings.extend(warning_events)
    return items, reports


def _collect_module(session, path: str, nodeid: str) -> Tuple[List[Any], List[dict]]:
    """The module's items and reports, imported and collected under the
    output capture, as pytest collects a file (its directory's conftests
    are loaded before, uncaptured, by pytest's session): what the import
    prints is kept from the terminal (a failed or skipped report carries it
    as "Captured stdout"/"Captured stderr"), and module code that keeps
    ``sys.stdout`` holds the object the tests will print to."""
    with session.capture.phase() as captured:
        items, reports = _import_and_collect(session, path, nodeid)
    printed = (("stdout", captured.out), ("stderr", captured.err))
    sections = [[f"Captured {name}", text] for name, text in printed if text]
    if sections:
        for report in reports:
            report["sections"] = report.get("sections", []) + sections
    return items, reports


def _import_and_collect(session, path: str, nodeid: str) -> Tuple[List[Any], List[dict]]:
    """The module's items, or the report of why it has none. Like pytest's
    collection (CallInfo.from_call around it), anything the import or the
    collection raises is the file's error: sys.exit() or a Ctrl-C
    (KeyboardInterrupt) during the import included."""
    config = session.config
    parent = _package_of(session.node, os.path.dirname(path))
    module_node = Module(os.path.basename(path), parent, nodeid, path)
    import_mode = config.getoption("importmode") or "prepend"
    try:
        module_node.obj = import_path(path, import_mode, config.rootpath_str)
    except Skipped as exc:
        if exc.allow_module_level:
            return [], [_skip_report(nodeid, path, exc)]
        return [], [_error_report(session, nodeid, path, exc)]
    except ImportPathMismatchError as exc:
        return [], [_mismatch_report(session, nodeid, exc)]
    except BaseException as exc:
        return [], [_error_report(session, nodeid, path, exc, import_mode)]
    collector = PythonCollector(session.node, session.conftests.generate_hooks)
    try:
        return collector.collect_module(module_node), []
    except Skipped as exc:
        return [], [_skip_report(nodeid, path, exc)]
    except BaseException as exc:
        return [], [_error_report(session, nodeid, path, exc)]


def _skip_report(nodeid: str, path: str, exc: Skipped) -> dict:
    from fastest.engine.longrepr_traceback import crash_entry, entries_of

    entries = entries_of(exc)
    crash = crash_entry(entries) if entries else None
    return _report(
        nodeid,
        "skipped",
        skip_path=crash.code.co_filename if crash else path,
        skip_line=crash.lineno + 1 if crash else 0,
        skip_reason="Skipped: " + str(exc),
    )
