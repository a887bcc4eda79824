"""A stand-alone driver for tests and debugging:

    python -m fastest.engine.main [-x] [--maxfail N] [-p no:X] [-o k=v]
        [--rootdir DIR] [--import-mode M] [--runxfail] [--strict-markers]
        [--assert MODE] [-W FILTER] paths...

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

_VALUE_OPTIONS = {
    "--maxfail": "maxfail",
    "--rootdir": "rootdir",
    "--import-mode": "importmode",
    "--assert": "assertmode",
    "-W": "pythonwarnings",
    "-o": "override_ini",
    "--tb": "tbstyle",
    "--capture": "capture",
    "-p": "plugins",
}
_FLAGS = {"-x": "exitfirst", "--exitfirst": "exitfirst", "--runxfail": "runxfail", "--strict-markers": "strict_markers", "-s": "capture", "-v": "verbose", "-q": "quiet"}


def _parse(argv: List[str]):
    options: Dict[str, List[str]] = {}
    paths: List[str] = []
    args = iter(argv)
    for arg in args:
        name, _, inline = arg.partition("=")
        if name in _VALUE_OPTIONS:
            value = inline if inline else next(args)
            options.setdefault(_VALUE_OPTIONS[name], []).append(value)
        elif arg in _FLAGS:
            options.setdefault(_FLAGS[arg], []).append("no" if arg == "-s" else "1")
        elif arg.startswith("-"):
            raise SystemExit(f"fastest.engine.main: unsupported option {arg}")
        else:
            paths.append(arg)
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

    session = Session({"rootdir": rootdir, "inifile": inifile, "ini": ini, "options": options, "fixture_modules": _fixture_modules()})
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
