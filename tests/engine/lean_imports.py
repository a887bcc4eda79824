#!/usr/bin/env python3
"""The native engine's start-up imports no heavy standard module of its own
accord: none of fastest's modules (nor its builtin fixtures) pulls in
typing, re, enum, inspect, ast, dataclasses, json or argparse, each
several milliseconds of a run that takes ~50 ms for a small suite (type
names stay behind ``TYPE_CHECKING``; the rest is imported where it is
used). Runs fastest on a small suite with PYTHONPROFILEIMPORTTIME, which
the embedded interpreter honours, and names the fastest module that
imported each such module. What the target environment's site imports
(a .pth file's) is its own and not counted.

    lean_imports.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402

HEAVY = {"typing", "re", "enum", "inspect", "ast", "dataclasses", "json", "argparse"}
OURS = ("fastest", "_fastest")


def import_tree(stderr):
    """(depth, module) per -X importtime line, in the order printed: a
    module's imports come before it, one level deeper."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        name = line.rsplit("|", 1)[1]
        rows.append(((len(name) - len(name.lstrip(" "))) // 2, name.strip()))
    return rows


def importer_of(rows, index):
    """The module whose import imported rows[index]: the next row one
    level up."""
    depth = rows[index][0]
    for later_depth, name in rows[index + 1:]:
        if later_depth < depth:
            return name
    return None


def main():
    fastest = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="fastest-lean-imports-") as suite:
        write_suite(suite, {
            "test_small.py": "import pytest\n\n\n@pytest.fixture\ndef value(tmp_path):\n    return 1\n\n\n"
                             "def test_value(value, capsys, monkeypatch):\n    assert value == 1\n",
        })
        environment = dict(os.environ, PYTHONPROFILEIMPORTTIME="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        run = subprocess.run([fastest, "--strategy", "inprocess", "-p", "no:cacheprovider", "-q"],
                             cwd=suite, env=environment, capture_output=True, text=True)
    rows = import_tree(run.stderr)
    problems = [] if run.returncode == 0 else [f"exit {run.returncode}: {run.stdout[-400:]}"]
    if not any(name.startswith(OURS) for _depth, name in rows):
        problems.append("no import of fastest's modules seen (is PYTHONPROFILEIMPORTTIME honoured?)")
    for index, (_depth, name) in enumerate(rows):
        importer = importer_of(rows, index)
        if name in HEAVY and importer and importer.startswith(OURS):
            problems.append(f"{importer} imports {name}")
    return 1 if verdict("the native engine's start-up imports", problems) else 0


if __name__ == "__main__":
    sys.exit(main())
