#!/usr/bin/env python3
"""pytest's cache-driven runs, fastest against pytest: the same sequence of
runs (--lf, --ff, --nf, --sw, --sw-skip, with edits to the suite between
them) in two copies of a suite, one run by pytest and one by fastest, or
mixed (pytest writes the cache, fastest reads it, and the reverse).

    compare_cache.py FASTEST

After every step it requires the same per-node outcome lines in the same
order (-v), the same "collected" line, the same cache header lines
("run-last-failure: ...", "stepwise: ..."), the same summary line and
exit code; after each sequence, the same .pytest_cache values. Prints one
line per sequence; exits 1 on any difference.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PYTEST = ["/usr/bin/python3", "-m", "pytest", "-p", "no:randomly"]
OUTCOME_LINE = re.compile(r"^(\S+::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b")
KEPT_LINE = re.compile(r"^(collected |run-last-failure: |stepwise: |!+ (Interrupted|stopping|Test failed)|hook saw )")
DURATION = re.compile(r"\bin \d+\.\d+s\b")

SUITE = {
    "test_a.py": "def test_a1(): pass\ndef test_a2(): assert 0\ndef test_a3(): pass\n",
    "test_b.py": (
        "import pytest\n"
        "def test_b1(): assert 0\n"
        "@pytest.mark.parametrize('x', [1, 2, 3])\n"
        "def test_b2(x): assert x != 2\n"
        "class TestC:\n"
        "    def test_c1(self): pass\n"
        "    def test_c2(self): assert 0\n"
    ),
    "test_ok.py": "def test_ok1(): pass\ndef test_ok2(): pass\n",
}
FIXED_A = "def test_a1(): pass\ndef test_a2(): pass\ndef test_a3(): pass\n"
ALL_FIXED = {
    "test_a.py": FIXED_A,
    "test_b.py": "def test_b1(): pass\n",
}

# What a conftest's hooks see of the session's end.
STATUS_HOOK = (
    "def pytest_sessionfinish(session, exitstatus):\n"
    "    print(f'hook saw exit {int(exitstatus)}, maxfail {session.config.option.maxfail}, '\n"
    "          f'shouldstop {session.shouldstop!r}, shouldfail {session.shouldfail!r}')\n"
)

# A step: (tool or None for the sequence's tool, args, files to write first).
# Damaged values are ones pytest reads as missing (invalid JSON or UTF-8);
# well-formed JSON of another shape makes pytest itself fail (exit 3).
SEQUENCES = {
    "lf": [(None, [], {}), (None, ["--lf"], {}), (None, ["--lf"], {"test_a.py": FIXED_A}),
           (None, ["--lf", "-k", "b2 or c"], {}), (None, ["--lf"], ALL_FIXED),
           (None, ["--lf"], {}), (None, ["--lf", "--lfnf", "none"], {})],
    "ff": [(None, [], {}), (None, ["--ff"], {}), (None, ["--ff", "-q"], {})],
    "nf": [(None, [], {}), (None, ["--nf"], {"test_new.py": "def test_n(): pass\n"}),
           (None, ["--nf"], {})],
    "sw": [(None, ["--sw"], {}), (None, ["--sw"], {}), (None, ["--sw"], {"test_a.py": FIXED_A}),
           (None, ["--sw-skip"], {}), (None, ["--sw"], {}), (None, [], {}), (None, ["--sw"], {})],
    # With -x or --maxfail, pytest's loop fails first, and the stepwise
    # stop has its line when it came too. A conftest's hooks see
    # pytest's exit status and the user's --maxfail (native engine).
    "sw_with_maxfail": [(None, ["--sw", "-x"], {"conftest.py": STATUS_HOOK}), (None, ["--sw-skip", "-x"], {}),
                        (None, ["--sw-skip", "--maxfail=3"], {}), (None, ["--sw"], {}),
                        (None, ["--sw-skip"], {})],
    # --sw stops at a failed test, never at a collection error.
    "sw_collect_error": [(None, ["--sw", "--continue-on-collection-errors"],
                          {"test_broken.py": "def test_x(:\n"}),
                         (None, ["--sw", "--continue-on-collection-errors"], {})],
    "collect_error": [(None, [], {"test_broken.py": "def test_x(:\n"}), (None, ["--lf"], {}),
                      (None, ["--lf"], {"test_broken.py": "def test_x(): pass\n"}),
                      (None, ["--lf"], {})],
    "pytest_writes_fastest_reads": [("pytest", [], {}), ("fastest", ["--lf"], {}),
                                    ("fastest", ["--ff"], {"test_a.py": FIXED_A})],
    "fastest_writes_pytest_reads": [("fastest", [], {}), ("pytest", ["--lf"], {}),
                                    ("pytest", ["--sw"], {}), ("fastest", ["--sw"], {})],
    "corrupt_lastfailed": [(None, [], {}),
                           (None, ["--lf"], {".pytest_cache/v/cache/lastfailed": '{"a": tru'}),
                           (None, ["--lf"], {".pytest_cache/v/cache/lastfailed":
                                             b'{"test_a.py::test_a2": true, "\xff": true}'}),
                           (None, ["--nf"], {".pytest_cache/v/cache/nodeids": b"\xff\xfe["}),
                           (None, ["--sw"], {".pytest_cache/v/cache/stepwise": "[\"x\""})],
    "lf_in_package": [(None, [], {"pkg/__init__.py": "", "pkg/test_p.py":
                                  "def test_p1(): assert 0\ndef test_p2(): pass\n"}),
                      (None, ["--lf"], {}), (None, ["--lf"], ALL_FIXED),
                      (None, ["--lf", "test_ok.py", "pkg"], {})],
    # A conftest hook the native engine does not run: pytest's own cache
    # plugins run in the pytest engine, their status lines come through it.
    "pytest_engine": [(None, [], {"conftest.py": "def pytest_collectreport(report):\n    pass\n"}),
                      (None, ["--lf"], {}), (None, ["--lf", "-q"], {}), (None, ["--ff"], {}),
                      (None, ["--sw"], {}), (None, ["--sw"], {"test_a.py": FIXED_A}),
                      (None, ["--sw", "--continue-on-collection-errors"],
                       {"test_broken.py": "def test_x(:\n"})],
    "cache_dir_ini": [(None, [], {"pytest.ini": "[pytest]\ncache_dir = custom/cache\n"}),
                      (None, ["--lf"], {}), (None, ["--lf", "--cache-clear"], {})],
    "unwritable_cache_dir": [(None, [], {"pytest.ini": "[pytest]\ncache_dir = blocker/cache\n",
                                         "blocker": "a file where the cache folder should be\n"}),
                             (None, ["--lf"], {})],
}


def run(command, cwd):
    environment = dict(os.environ, COLUMNS="80", PYTHONHASHSEED="0",
                       PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    environment.pop("PYTEST_ADDOPTS", None)
    # fastest runs the tests in the python3 it finds on PATH: the oracle's,
    # whose pytest the pytest engine drives.
    environment["PATH"] = os.pathsep.join([os.path.dirname(PYTEST[0]), environment.get("PATH", "")])
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout


def digest(code, stdout):
    lines = stdout.splitlines()
    kept = [line for line in lines if OUTCOME_LINE.match(line) or KEPT_LINE.match(line)]
    kept = [m.group(1) + " " + m.group(2) if (m := OUTCOME_LINE.match(line)) else line
            for line in kept]
    summary = [line for line in lines if line.strip()]
    return {"exit": code, "lines": kept,
            "summary": DURATION.sub("in T", summary[-1]) if summary else ""}


def cache_values(folder):
    values = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            if "/v/cache/" not in "/" + relative:
                continue
            with open(path, "rb") as stream:
                values[relative] = stream.read().decode("utf-8", "replace")
    return values


def write_files(folder, files):
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(text if isinstance(text, bytes) else text.encode())


def play(fastest, sequence, folder, tool):
    write_files(folder, SUITE)
    results = []
    for number, (step_tool, args, files) in enumerate(sequence):
        write_files(folder, files)
        # --nf orders by file mtime: make every edit strictly newer.
        for offset, name in enumerate(sorted(files)):
            if name.endswith(".py"):
                os.utime(os.path.join(folder, name), (2e9 + number * 10 + offset,) * 2)
        command = [fastest] if (step_tool or tool) == "fastest" else PYTEST
        code, stdout = run(command + ["-v"] + args, folder)
        results.append((args, digest(code, stdout), stdout))
    return results, cache_values(folder)


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    for name, sequence in SEQUENCES.items():
        with tempfile.TemporaryDirectory() as base:
            expected_folder = os.path.join(base, "pytest")
            actual_folder = os.path.join(base, "fastest")
            os.makedirs(expected_folder)
            os.makedirs(actual_folder)
            expected, expected_cache = play(fastest, [(None if t is None else "pytest", a, f)
                                                      for t, a, f in sequence], expected_folder,
                                            "pytest")
            actual, actual_cache = play(fastest, sequence, actual_folder, "fastest")
            problems = []
            for (args, want, want_out), (_, got, got_out) in zip(expected, actual):
                if want != got:
                    problems.append(f"  {' '.join(args) or '(no args)'}:\n    pytest:  {want}\n"
                                    f"    fastest: {got}\n--- fastest output ---\n{got_out}")
            if expected_cache != actual_cache:
                problems.append(f"  cache values differ:\n    pytest:  {expected_cache}\n"
                                f"    fastest: {actual_cache}")
            print(f"{'ok  ' if not problems else 'FAIL'} {name}")
            for problem in problems:
                print(problem)
            failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
