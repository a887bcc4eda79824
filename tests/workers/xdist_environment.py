#!/usr/bin/env python3
"""Workers tell their tests who they are in pytest-xdist's variables:
PYTEST_XDIST_WORKER (gw0, gw1, ...), PYTEST_XDIST_WORKER_COUNT and
PYTEST_XDIST_TESTRUNUID (one per run, 32 hex digits); without workers
there are none. Suites read them to share the cores between workers
(scikit-learn limits OpenMP's threads) or to give each worker a database
of its own. pytest-xdist itself (`pytest -p xdist -n 2`) and plain pytest
are run on the same suite as the oracle, under both engines.

    xdist_environment.py FASTEST
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import LOGGING_PRELUDE, run_logged  # noqa: E402

MODULE = LOGGING_PRELUDE + '''

@pytest.mark.parametrize("n", range(30))
def test_logs_its_worker(n):
    names = ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID")
    _log(":".join(str(os.environ.get(name)) for name in names))
'''
PYTEST = ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
TESTS = 4 * 30
WORKER_UNIT = re.compile(r"gw[01]:2:[0-9a-f]{32}")


def problems_of(run, workers, with_workers):
    problems = [] if run.returncode == 0 else [f"exit {run.returncode}: {run.stdout}{run.stderr}"]
    logged = sum(len(pids) for pids in workers.values())
    if with_workers:
        units = set(workers)
        if not all(WORKER_UNIT.fullmatch(unit) for unit in units):
            problems.append(f"not pytest-xdist's variables: {sorted(units)}")
        if len({unit.rsplit(':', 1)[1] for unit in units}) != 1:
            problems.append(f"more than one run id: {sorted(units)}")
        if any(len(pids) != 1 for pids in workers.values()):
            problems.append(f"a worker name on several processes: {workers}")
        if logged < 1:
            problems.append("no test logged")
    elif set(workers) != {"None:None:None"}:
        problems.append(f"variables set without workers: {sorted(workers)}")
    return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    runs = [
        ("pytest -p xdist -n 2 (the oracle)", PYTEST + ["-p", "xdist", "-n", "2"], True),
        ("pytest (the oracle)", PYTEST, False),
    ]
    for engine in ("native", "pytest"):
        runs.append((f"fastest -n 2 --engine {engine}", [fastest, "-q", "-n", "2", "--engine", engine,
                                                          "-p", "no:cacheprovider"], True))
        runs.append((f"fastest -n 0 --engine {engine}", [fastest, "-q", "-n", "0", "--engine", engine,
                                                          "-p", "no:cacheprovider"], False))
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-xdist-env-") as suite:
        write_suite(suite, {f"test_m{index}.py": MODULE for index in range(TESTS // 30)})
        for number, (label, command, with_workers) in enumerate(runs):
            run, workers = run_logged(command, suite, os.path.join(suite, f"run{number}.log"))
            failures += verdict(f"{label}: {sorted(workers)}"[:150], problems_of(run, workers, with_workers))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
