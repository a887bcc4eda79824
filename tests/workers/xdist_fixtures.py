#!/usr/bin/env python3
"""pytest-xdist's worker_id and testrun_uid fixtures, which the native engine
provides when pytest would load xdist (installed, plugin autoload on) and
xdist itself provides under the pytest engine: in a worker its name and the
run's id (the values of PYTEST_XDIST_WORKER and PYTEST_XDIST_TESTRUNUID),
outside workers "master" and a fresh id. Each run must stay on the engine
it asks for (the header says so) and answer as pytest-xdist (`pytest -n 2`)
and plain pytest do on the same suite.

    xdist_fixtures.py FASTEST
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import run_with_log  # noqa: E402

MODULE = '''\
import os
import pytest


@pytest.mark.parametrize("n", range(20))
def test_logs_its_worker(n, worker_id, testrun_uid):
    same = testrun_uid == os.environ.get("PYTEST_XDIST_TESTRUNUID")
    with open(os.environ["UNIT_LOG"], "a") as log:
        log.write(f"{worker_id} {testrun_uid} {same}\\n")
'''
PYTEST = ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
UID = re.compile(r"[0-9a-f]{32}")


def problems_of(run, lines, with_workers, engine):
    problems = [] if run.returncode == 0 else [f"exit {run.returncode}: {run.stdout[-400:]}{run.stderr[-400:]}"]
    if engine and f"; engine: {engine}" not in run.stdout:
        problems.append(f"not run by the {engine} engine: " + next(
            (line for line in run.stdout.splitlines() if "engine:" in line), "no engine line"))
    if len(lines) != 40:
        problems.append(f"{len(lines)} tests logged, not 40")
    names = {name for name, _uid, _same in lines}
    uids = {uid for _name, uid, _same in lines}
    if not all(UID.fullmatch(uid) for uid in uids):
        problems.append(f"testrun_uid not 32 hex digits: {sorted(uids)}")
    if len(uids) != 1:
        problems.append(f"more than one testrun_uid: {sorted(uids)}")
    expected_same = "True" if with_workers else "False"
    if {same for _name, _uid, same in lines} != {expected_same}:
        problems.append(f"testrun_uid is PYTEST_XDIST_TESTRUNUID: {sorted({s for *_, s in lines})}, "
                        f"expected {expected_same}")
    if with_workers and not names <= {"gw0", "gw1"}:
        problems.append(f"worker_id not a worker's name: {sorted(names)}")
    if not with_workers and names != {"master"}:
        problems.append(f"worker_id outside workers: {sorted(names)}")
    return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    # Not -q: the header names the engine.
    native = [fastest, "--engine", "native", "-p", "no:cacheprovider"]
    pytest_engine = [fastest, "--engine", "pytest", "-p", "no:cacheprovider"]
    runs = [
        ("pytest -n 2 (the oracle)", PYTEST + ["-n", "2"], True, None),
        ("pytest (the oracle)", PYTEST, False, None),
        ("fastest -n 2", native + ["-n", "2"], True, "native"),
        ("fastest -n 0", native + ["-n", "0"], False, "native"),
        ("fastest --engine pytest -n 2", pytest_engine + ["-n", "2"], True, "pytest"),
        ("fastest --engine pytest -n 0", pytest_engine + ["-n", "0"], False, "pytest"),
    ]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-xdist-fixtures-") as suite:
        write_suite(suite, {"test_a.py": MODULE, "test_b.py": MODULE})
        for number, (label, command, with_workers, engine) in enumerate(runs):
            # Plugin autoload on, as users run: xdist is installed.
            run, lines = run_with_log(command, suite, os.path.join(suite, f"run{number}.log"), autoload=True)
            seen = sorted({name for name, *_ in lines})
            failures += verdict(f"{label}: worker_id {seen}", problems_of(run, lines, with_workers, engine))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
