"""A stand-alone driver for tests and debugging:

    python -m fastest.engine.main [OPTIONS] paths...

OPTIONS are pytest's options the engine reads (the table below: -x,
--maxfail N, -p no:X, -o k=v, --rootdir DIR, --import-mode M, -W FILTER...).

Reads the ``[pytest]`` section of ``pytest.ini`` in the rootdir (cwd by
default), collects the given files (directories are searched for files
matching python_files), runs everything and prints one ``node_id outcome``
line per item, outcomes as pytest's terminal counts them (several joined by
"," when an item has more, e.g. "failed,error"), and collection errors as
``node_id error`` / ``node_id skipped``.
"""
from __future__ import annotations

import os
import sys
from fnmatch import fnmatch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, List

# The options the engine reads, as the C core's table gives them: names,
# dest, kind (fastest.engine.config's), and pytest's default as the core
# stores it (None: none); the first row of a dest with a default sets it.
_OPTIONS = [
    (["-x", "--exitfirst"], "maxfail", "flag", None),
    (["--maxfail"], "maxfail", "int", "0"),
    (["--rootdir"], "rootdir", "text", None),
    (["--import-mode"], "importmode", "text", "prepend"),
    (["--assert"], "assertmode", "text", "rewrite"),
    (["-W", "--pythonwarnings"], "pythonwarnings", "list", None),
    (["-o", "--override-ini"], "override_ini", "list", None),
    (["--tb"], "tbstyle", "text", "auto"),
    (["--capture"], "capture", "text", "fd"),
    (["-s"], "capture", "text", None),
    (["-p"], "plugins", "list", None),
    (["--runxfail"], "runxfail", "flag", "0"),
    (["--strict-markers"], "strict_markers", "flag", "0"),
    (["--strict-config"], "strict_config", "flag", "0"),
    (["--strict"], "strict", "flag", "0"),
    (["-v", "--verbose"], "verbose", "count", "0"),
    (["-q", "--quiet"], "quiet", "count", "0"),
    (["-l", "--showlocals"], "showlocals", "flag", "0"),
    (["--full-trace"], "fulltrace", "flag", "0"),
    (["-k"], "keyword", "text", ""),
    (["-m"], "markexpr", "text", ""),
    (["--confcutdir"], "confcutdir", "text", None),
    (["--noconftest"], "noconftest", "flag", "0"),
    (["--collect-only"], "collectonly", "flag", "0"),
    (["--basetemp"], "basetemp", "text", None),
    (["--cache-clear"], "cacheclear", "flag", "0"),
    (["--deselect"], "deselect", "list", None),
    (["--ignore"], "ignore", "list", None),
    (["--code-highlight"], "code_highlight", "text", "yes"),
    *((["--" + name.replace("_", "-")], name, "text", None) for name in ("log_level", "log_format", "log_date_format", "log_cli_level", "log_file", "log_file_level")),
]
# What a switch stores, as the C parser stores it.
_SWITCH_VALUES = {"-x": "1", "--exitfirst": "1", "-s": "no"}


def _parse(argv: List[str]):
    by_name = {name: (dest, kind) for names, dest, kind, _default in _OPTIONS for name in names}
    options: Dict[str, List[str]] = {}
    for _names, dest, _kind, default in _OPTIONS:
        if default is not None:
            options.setdefault(dest, [default])
    given: Dict[str, List[str]] = {}
    paths: List[str] = []
    args = iter(argv)
    for arg in args:
        name, _, inline = arg.partition("=")
        if arg.startswith("-") and name not in by_name:
            raise SystemExit(f"fastest.engine.main: unsupported option {arg}")
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        dest, kind = by_name[name]
        if kind in ("flag", "count") or name in _SWITCH_VALUES:
            given.setdefault(dest, []).append(_SWITCH_VALUES.get(name, "1"))
        else:
            given.setdefault(dest, []).append(inline if inline else next(args))
    options.update(given)
    return options, paths


def _read_ini(rootdir: str):
    """The [pytest] section of rootdir/pytest.ini, values as raw strings."""
    import configparser

    path = os.path.join(rootdir, "pytest.ini")
    if not os.path.isfile(path):
        return None, {}
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path)
    return "pytest.ini", dict(parser["pytest"]) if parser.has_section("pytest") else {}


def _test_files(paths: List[str], rootdir: str, patterns: List[str]) -> List[str]:
    files = []
    for path in paths:
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute):
            for directory, subdirs, names in os.walk(absolute):
                subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(names):
                    if name.endswith(".py") and any(fnmatch(name, p) for p in patterns):
                        files.append(os.path.join(directory, name))
        else:
            files.append(absolute)
    return [os.path.relpath(f, rootdir) for f in files]


class _Outcomes:
    """Per node id, the categories pytest's terminal counts for its reports."""

    def __init__(self) -> None:
        self.by_node: Dict[str, List[str]] = {}

    def __call__(self, event: dict) -> None:
        if event["kind"] not in ("test_report", "collect_report"):
            return
        category = _category(event)
        if category:
            self.by_node.setdefault(event["node_id"], []).append(category)


def _category(event: dict) -> str:
    outcome = event["outcome"]
    if event["kind"] == "collect_report":
        return "error" if outcome == "failed" else ("skipped" if outcome == "skipped" else "")
    if "wasxfail" in event:
        return "xfailed" if outcome == "skipped" else ("xpassed" if outcome == "passed" else "failed")
    if outcome == "failed":
        return "failed" if event["phase"] == "call" else "error"
    if outcome == "skipped":
        return "skipped"
    return "passed" if event["phase"] == "call" else ""


def main(argv: List[str]) -> int:
    options, paths = _parse(argv)
    rootdir = os.path.abspath(options.pop("rootdir", [os.getcwd()])[-1])
    inifile, ini = _read_ini(rootdir)
    options["file_or_dir"] = paths
    from fastest.engine import Session

    session = Session({"rootdir": rootdir, "inifile": inifile, "ini": ini, "options": options, "option_table": [row[:3] for row in _OPTIONS], "fixture_modules": _fixture_modules()})
    patterns = session.config.getini("python_files")
    items = session.collect(_test_files(paths or ["."], rootdir, patterns))
    outcomes = _Outcomes()
    for event in session.collection_events():
        outcomes(event)
    session.run([item["node_id"] for item in items], outcomes)
    session.finish(outcomes)
    for node_id, categories in outcomes.by_node.items():
        print(node_id, ",".join(categories))
    return 0


def _fixture_modules() -> List[str]:
    """The builtin fixtures plugin, when its Python package is importable."""
    import importlib.util

    return ["fastest_builtin_fixtures"] if importlib.util.find_spec("fastest_builtin_fixtures") else []


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
