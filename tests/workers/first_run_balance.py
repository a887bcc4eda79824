#!/usr/bin/env python3
"""A first run (no recorded durations) of a suite with one long test
early in it: the worker that takes the long test holds only a small batch
with it, and the other worker runs the rest meanwhile. (Batches cut from
guessed durations once made the first a quarter of the suite: the long
test's worker kept that quarter, here the long test and 190 quick ones,
while the other ran dry.) The check reads which worker ran each test,
never a time: the long test lasts until the other processes have run
all but an eighth of the suite (30 s at most), however loaded the
machine; one that holds a large batch beside it makes the others run
dry first, and so runs more than that eighth.

    first_run_balance.py FASTEST
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import LOGGING_PRELUDE, common_problems, run_logged  # noqa: E402

MODULES = 40
QUICK_PER_MODULE = 20
LONG_TEST_MODULE = 2

TOTAL = MODULES * QUICK_PER_MODULE + 1
MOST_BESIDE_LONG = TOTAL // 8
LONG_TEST = f"""
def test_long():
    import time
    _log('long')
    mine = f" {{os.getpid()}}\\n"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with open(os.environ["UNIT_LOG"]) as logged:
            others = sum(1 for line in logged if not line.endswith(mine))
        if others >= {TOTAL - MOST_BESIDE_LONG}:
            break
        time.sleep(0.05)
"""


def module_source(index):
    lines = [LOGGING_PRELUDE]
    for test in range(QUICK_PER_MODULE):
        lines.append(f"def test_quick_{test}():\n    _log('quick')\n")
    if index == LONG_TEST_MODULE:
        lines.append(LONG_TEST)
    return "\n".join(lines)


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-first-run-") as suite:
        write_suite(suite, {f"test_m{index:02d}.py": module_source(index) for index in range(MODULES)})
        for engine in ("native", "pytest"):
            log = os.path.join(suite, f"{engine}.log")
            run, workers = run_logged([fastest, "-q", "-n", "2", "--engine", engine, "-p", "no:cacheprovider"],
                                suite, log)
            with open(log) as lines:
                ran = [line.split() for line in lines]
            long_worker = next(pid for unit, pid in ran if unit == "long")
            with_long = sum(1 for _, pid in ran if pid == long_worker)
            problems = common_problems(run, workers)
            most = MOST_BESIDE_LONG
            if with_long > most:
                problems.append(f"the long test's worker ran {with_long} of {len(ran)} tests (at most {most} expected)")
            failures += verdict(f"{engine}: the long test's worker ran {with_long} of {len(ran)} tests", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
