#!/usr/bin/env python3
"""Arguments that collect nothing, against pytest: a node id naming no
test of its file (a static file, one only an import decides, one whose
import fails, in a package), a file no collector takes, a directory with
node names, a missing file, and such arguments beside ones that collect
tests. pytest collects what the others name, prints its usage error after
the report ("ERROR: not found: PATH::NAMES" and the module it looked in,
every such argument in turn) and exits 4; a missing file or a directory
with node names stops it before any collection. Compares the whole output
(stdout and stderr, durations masked) and the exit code.

    unnamed_arguments.py FASTEST
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unnamed_arguments")
PYTEST = ["/usr/bin/python3", "-m", "pytest"]
COMMON = ["-p", "no:cacheprovider"]
TOOL_LINES = re.compile(r"^(platform |plugins: |strategy: )")
DURATION = re.compile(r" in \d+\.\d+s\b")

SCENARIOS = [
    ["test_static.py::nope"],
    ["test_static.py::test_numbers[3]"],
    ["test_mixed.py::TestA::nope"],
    ["test_mixed.py::test_dynamic[zz]"],
    ["test_static.py::test_plain", "test_mixed.py::test_dynamic[zz]"],
    ["test_static.py::test_plain", "sub/test_sub.py::nope"],
    ["test_broken.py::test_never_collected"],
    ["pkg/test_pkg.py::nope"],
    ["sub/test_sub.py::it's"],
    ["sub/test_sub.py::nope", "test_static.py::nope"],
    ["sub/test_sub.py::test_in_sub", "data.json"],
    ["sub::test_in_sub"],
    ["test_static.py::test_plain", "missing.py"],
    ["sub/test_sub.py::nope", "-q"],
]


def run(command):
    environment = dict(os.environ, COLUMNS="80", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    environment.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(command, cwd=SUITE, env=environment, capture_output=True, text=True)
    lines = (result.stdout + "--- stderr\n" + result.stderr).splitlines()
    return result.returncode, [DURATION.sub(" in T", line) for line in lines if not TOOL_LINES.match(line)]


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    for args in SCENARIOS:
        pytest_code, pytest_out = run(PYTEST + COMMON + args)
        fastest_code, fastest_out = run([fastest] + COMMON + args)
        problems = []
        if pytest_code != fastest_code:
            problems.append(f"exit code: pytest {pytest_code}, fastest {fastest_code}")
        if pytest_out != fastest_out:
            problems.append("output: pytest\n" + "\n".join(pytest_out) + "\n    fastest\n" + "\n".join(fastest_out))
        failures += verdict(" ".join(args), problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
