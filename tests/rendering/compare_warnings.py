"""Recorded warnings compared with pytest's, warning by warning.

The corpus (with its own pytest.ini filters and the command-line filters
below) runs under pytest with ``record_warnings`` and then, test by test,
inside ``fastest.engine.warnings_capture.catch_phase`` with the same ini,
``-W`` and mark filters.  The warning events (summary text, category,
location, node id, in order) and the tests' outcomes must be identical.
"""

import configparser
import importlib
import inspect
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
CORPUS_DIR = os.path.join(HERE, "warnings_corpus")
sys.dont_write_bytecode = True  # corpus imports leave no caches in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "python"))

from fastest.engine.warnings_capture import catch_phase  # noqa: E402

CMDLINE_FILTERS = ["ignore::RuntimeWarning", "error:literal (with) [regex] chars:UserWarning"]


def run_pytest() -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as record:
        env = dict(os.environ, PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1",
                   FASTEST_WARNINGS_RECORD=record.name)
        args = [sys.executable, "-m", "pytest", "test_warnings.py", "-p", "no:cacheprovider",
                "-p", "record_warnings"]
        for arg in CMDLINE_FILTERS:
            args += ["-W", arg]
        subprocess.run(args, cwd=CORPUS_DIR, env=env, stdout=subprocess.DEVNULL, check=False)
        with open(record.name, encoding="utf-8") as stream:
            return json.load(stream)


def ini_filters() -> list:
    parser = configparser.ConfigParser()
    parser.read(os.path.join(CORPUS_DIR, "pytest.ini"))
    return [line.strip() for line in parser["pytest"]["filterwarnings"].splitlines() if line.strip()]


def mark_filters(*owners) -> list:
    """filterwarnings arguments, nearest owner first, as iter_markers."""
    filters = []
    for owner in owners:
        marks = getattr(owner, "pytestmark", [])
        marks = marks if isinstance(marks, list) else [marks]
        for mark in marks:
            if mark.name == "filterwarnings":
                filters.extend(mark.args)
    return filters


def test_items(module):
    for name, value in list(vars(module).items()):
        if name.startswith("test_") and inspect.isfunction(value):
            yield f"test_warnings.py::{name}", value, mark_filters(value, module)
        elif name.startswith("Test") and inspect.isclass(value):
            instance = value()
            for method_name, method in vars(value).items():
                if method_name.startswith("test_"):
                    yield (f"test_warnings.py::{name}::{method_name}", getattr(instance, method_name),
                           mark_filters(method, value, module))


def run_fastest() -> dict:
    os.chdir(CORPUS_DIR)
    sys.path.insert(0, CORPUS_DIR)
    module = importlib.import_module("test_warnings")
    result = {"outcomes": {}, "warnings": []}
    ini = ini_filters()
    for nodeid, function, marks in test_items(module):
        with catch_phase(ini_filters=ini, cmdline_filters=CMDLINE_FILTERS,
                         mark_filters=marks, nodeid=nodeid) as events:
            try:
                function()
                outcome = "passed"
            except Exception:
                outcome = "failed"
        result["outcomes"][nodeid] = outcome
        result["warnings"].extend({k: v for k, v in e.items() if k != "kind"} for e in events)
    return result


def main() -> int:
    expected, ours = run_pytest(), run_fastest()
    problems = []
    for nodeid, outcome in expected["outcomes"].items():
        if ours["outcomes"].get(nodeid) != outcome:
            problems.append(f"{nodeid}: outcome {ours['outcomes'].get(nodeid)} != pytest {outcome}")
    if ours["warnings"] != expected["warnings"]:
        problems.append("warnings differ:\n  pytest:  " + json.dumps(expected["warnings"], indent=1)
                        + "\n  fastest: " + json.dumps(ours["warnings"], indent=1))
    for problem in problems:
        print(problem)
    print(f"warnings: {len(expected['outcomes'])} outcomes and {len(expected['warnings'])} warnings "
          f"compared, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
