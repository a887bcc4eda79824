#!/usr/bin/env python3
"""Crash isolation: under each worker strategy, a test that segfaults,
calls os._exit(3), kills itself with SIGKILL or hangs past --timeout costs
that test alone. Checks, for crash_suite/: each crash is an error naming
its cause, every other test ran with its own outcome, every item is
reported exactly once, and the exit code is pytest's for failures (1).

Both engines: the native one, and the pytest engine when /usr/bin/python3
has pytest (pointed at by a `[fastest] python =` config given with -c).

    crash_isolation.py FASTEST [STRATEGY ...]
"""
import os
import re
import subprocess
import sys
import tempfile

SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crash_suite")
STRATEGIES = ["warmworkers", "fullparallel"]
LINE = re.compile(r"^(PASSED|FAILED|ERROR) (\S+)(?: - (.*))?$")

EXPECTED = {
    "test_crashes.py::test_before": ("PASSED", None),
    "test_crashes.py::test_segfault": ("FAILED", "killed by signal SIGSEGV"),
    "test_crashes.py::test_between": ("PASSED", None),
    "test_crashes.py::test_exit": ("FAILED", "exited with code 3"),
    "test_crashes.py::test_sigkill": ("FAILED", "killed by signal SIGKILL"),
    "test_crashes.py::test_hang": ("FAILED", "Timeout: the test ran longer than 1 s"),
    "test_crashes.py::test_after": ("PASSED", None),
    "test_others.py::test_fails": ("FAILED", "assert 1 == 2"),
    **{f"test_others.py::test_fine[{n}]": ("PASSED", None) for n in range(5)},
}


PYTEST_PYTHON = "/usr/bin/python3"


def engine_arguments(engine, scratch):
    """The command-line arguments that select engine."""
    if engine == "native":
        return ["--engine", "native"]
    config = os.path.join(scratch, "fastest.ini")
    with open(config, "w") as ini:
        ini.write(f"[fastest]\npython = {PYTEST_PYTHON}\n")
    return ["--engine", "pytest", "-c", config, "--rootdir", SUITE]


def engines():
    found = subprocess.run([PYTEST_PYTHON, "-c", "import pytest"], capture_output=True)
    return ["native", "pytest"] if found.returncode == 0 else ["native"]


def check(fastest, strategy, workers, engine, scratch):
    command = [fastest, "--strategy", strategy, "-n", str(workers), "--timeout", "1", "-rA",
               "-p", "no:cacheprovider", *engine_arguments(engine, scratch)]
    environment = dict(os.environ, COLUMNS="400")
    result = subprocess.run(command, cwd=SUITE, capture_output=True, text=True, env=environment,
                            timeout=120)
    problems = []
    seen = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        if match:
            seen.setdefault(match.group(2), []).append((match.group(1), match.group(3) or ""))
    for node, (outcome, text) in EXPECTED.items():
        reports = seen.get(node, [])
        if len(reports) != 1:
            problems.append(f"{node}: reported {len(reports)} times")
        elif reports[0][0] != outcome or (text and text not in reports[0][1]):
            problems.append(f"{node}: {reports[0]}, expected {outcome} with {text!r}")
    extra = set(seen) - set(EXPECTED)
    if extra:
        problems.append(f"unexpected nodes: {sorted(extra)}")
    if "Fatal Python error: Segmentation fault" not in result.stdout:
        problems.append("the segfault's report lacks faulthandler's traceback")
    if result.returncode != 1:
        problems.append(f"exit code {result.returncode}, expected 1\n{result.stderr}")
    return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for engine in engines():
            for strategy in sys.argv[2:] or STRATEGIES:
                for workers in (1, 2):
                    problems = check(fastest, strategy, workers, engine, scratch)
                    print(f"{'ok  ' if not problems else 'FAIL'} {engine} engine, {strategy} "
                          f"-n {workers}")
                    for problem in problems:
                        print("    " + problem)
                    failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
