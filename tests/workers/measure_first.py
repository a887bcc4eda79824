#!/usr/bin/env python3
"""A first run (no recorded durations) of a suite large enough for
workers, fastest choosing the strategy: its first items run in the fastest
process, timed. Quick tests then all run there (no worker is forked);
slow ones go to workers after the first few, and the session fixture the
fastest process set up is torn down there before any worker starts (each
worker sets up its own, as pytest-xdist's do). Outcomes are pytest's
either way. The checks read which process ran what, never a time: the
slow tests sleep 20 ms, two hundred times what a trivial test takes.

    measure_first.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import LOGGING_PRELUDE, run_with_log  # noqa: E402

MODULES = 6
TESTS_PER_MODULE = 40

CONFTEST = LOGGING_PRELUDE + '''

@pytest.fixture(scope="session", autouse=True)
def session_resource():
    _log("session-setup")
    yield
    _log("session-teardown")
'''


def module_source(index, body):
    lines = [LOGGING_PRELUDE.replace("import pytest\n", "import time\nimport pytest\n")]
    for test in range(TESTS_PER_MODULE):
        lines.append(f"def test_{index}_{test}():\n    _log('test')\n    {body}\n")
    if index == MODULES - 1:
        # One failure, in the last module: its report (~5 ms to render, more
        # on a loaded machine) would weigh on the timing of the first
        # quick tests, which decides.
        lines.append(f"def test_{index}_fails():\n    _log('test')\n    assert {index} == -1\n")
    return "\n".join(lines)


def write(folder, body):
    files = {"conftest.py": CONFTEST}
    files.update({f"test_m{index}.py": module_source(index, body) for index in range(MODULES)})
    write_suite(folder, files)


def summary(run):
    lines = run.stdout.strip().splitlines()
    return lines[-1].split(" in ")[0] if lines else ""


def check(label, folder, expect_workers):
    log = os.path.join(folder, "units.log")
    run, lines = run_with_log([FASTEST, "-q", "-p", "no:cacheprovider"], folder, log)
    oracle = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                            cwd=folder, capture_output=True, text=True,
                            env=dict(os.environ, UNIT_LOG=os.devnull, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))
    problems = []
    if run.returncode != oracle.returncode or summary(run) != summary(oracle):
        problems.append(f"fastest: exit {run.returncode}, {summary(run)!r}; "
                        f"pytest: exit {oracle.returncode}, {summary(oracle)!r}\n{run.stderr}")
    tests = [pid for unit, pid in lines if unit == "test"]
    if len(tests) != MODULES * TESTS_PER_MODULE + 1:
        problems.append(f"{len(tests)} tests logged")
    first = tests[0] if tests else None
    others = {pid for pid in tests if pid != first}
    setups = [pid for unit, pid in lines if unit == "session-setup"]
    teardowns = [pid for unit, pid in lines if unit == "session-teardown"]
    if not expect_workers:
        if others:
            problems.append(f"quick tests ran in {len(others) + 1} processes, not in fastest's alone")
        if setups != [first] or teardowns != [first]:
            problems.append(f"the session fixture: set up in {setups}, torn down in {teardowns}")
    else:
        if len(others) < 2:
            problems.append(f"slow tests ran in {len(others) + 1} process(es): no workers took over")
        if tests.count(first) >= len(tests) // 2:
            problems.append(f"fastest's own process ran {tests.count(first)} of {len(tests)} tests")
        ordered = [(unit, pid) for unit, pid in lines]
        settled = ordered.index(("session-teardown", first)) if ("session-teardown", first) in ordered else -1
        first_worker_test = min((i for i, (unit, pid) in enumerate(ordered) if pid in others), default=-1)
        if settled < 0 or settled > first_worker_test:
            problems.append("fastest's process did not tear its session fixture down before the workers ran")
        if sorted(setups) != sorted({first} | others) or sorted(teardowns) != sorted(setups):
            problems.append(f"the session fixture: set up in {setups}, torn down in {teardowns}")
    return verdict(label, problems)


def main():
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-measure-first-") as root:
        for label, body, expect_workers in (
            ("quick tests stay in fastest's process", "pass", False),
            ("slow tests go to workers after the first few", "time.sleep(0.02)", True),
        ):
            folder = os.path.join(root, "slow" if expect_workers else "quick")
            write(folder, body)
            failures += check(label, folder, expect_workers)
    return 1 if failures else 0


if __name__ == "__main__":
    FASTEST = os.path.abspath(sys.argv[1])
    sys.exit(main())
