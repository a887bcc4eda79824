#!/usr/bin/env python3
"""Crash isolation: under each worker strategy, a test that segfaults,
calls os._exit(3), kills itself with SIGKILL, breaks the engine running it
(as a bug of fastest's would) or hangs past --timeout (or past its own
timeout mark, which also lifts or widens the limit) costs that test alone. Checks, for crash_suite/: each crash is an error naming
its cause, every other test ran with its own outcome, every item is
reported exactly once, and the exit code is pytest's for failures (1).
The same for a generated 300-test suite large enough for the pool to
split modules into chunks, whose crashes fall in the middle of modules.

Both engines: the native one, and the pytest engine when /usr/bin/python3
has pytest (pointed at by a `[fastest] python =` config given with -c).

    crash_isolation.py FASTEST [STRATEGY ...]
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

from engine_choice import engine_arguments, engines  # noqa: E402

SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crash_suite")
STRATEGIES = ["warmworkers", "fullparallel"]
LINE = re.compile(r"^(PASSED|FAILED|ERROR) (\S+)(?: - (.*))?$")

EXPECTED = {
    "test_crashes.py::test_before": ("PASSED", None),
    "test_crashes.py::test_segfault": ("FAILED", "killed by signal SIGSEGV"),
    "test_crashes.py::test_between": ("PASSED", None),
    "test_crashes.py::test_exit": ("FAILED", "exited with code 3"),
    "test_crashes.py::test_sigkill": ("FAILED", "killed by signal SIGKILL"),
    "test_crashes.py::test_breaks_its_engine": ("FAILED", "the engine of worker gw"),
    "test_crashes.py::test_hang": ("FAILED", "Timeout: the test ran longer than 1 s (--timeout)"),
    "test_crashes.py::test_hang_past_its_mark": (
        "FAILED", "Timeout: the test ran longer than 0.3 s (its timeout mark)"),
    "test_crashes.py::test_no_limit_by_mark": ("PASSED", None),
    "test_crashes.py::test_longer_limit_by_mark": ("PASSED", None),
    "test_crashes.py::test_after": ("PASSED", None),
    "test_others.py::test_fails": ("FAILED", "assert 1 == 2"),
    **{f"test_others.py::test_fine[{n}]": ("PASSED", None) for n in range(5)},
}


def run(fastest, strategy, workers, suite, arguments):
    command = [fastest, "--strategy", strategy, "-n", str(workers), "--timeout", "1", "-rA",
               "-p", "no:cacheprovider", *arguments]
    environment = dict(os.environ, COLUMNS="400")
    return subprocess.run(command, cwd=suite, capture_output=True, text=True, env=environment,
                          timeout=120)


def compare(expected, stdout):
    """What differs between the -rA lines of stdout and expected."""
    problems = []
    seen = {}
    for line in stdout.splitlines():
        match = LINE.match(line)
        if match:
            seen.setdefault(match.group(2), []).append((match.group(1), match.group(3) or ""))
    for node, (outcome, text) in expected.items():
        reports = seen.get(node, [])
        if len(reports) != 1:
            problems.append(f"{node}: reported {len(reports)} times")
        elif reports[0][0] != outcome or (text and text not in reports[0][1]):
            problems.append(f"{node}: {reports[0]}, expected {outcome} with {text!r}")
    extra = set(seen) - set(expected)
    if extra:
        problems.append(f"unexpected nodes: {sorted(extra)}")
    return problems


def large_suite(folder):
    """300 tests in 6 modules, enough for the pool to split modules into
    shrinking chunks (and fullparallel to steal): a segfault and an
    os._exit in the middle of modules. Returns the expected outcomes."""
    crashes = {(2, 30): ("ctypes.string_at(0)", "killed by signal SIGSEGV"),
               (4, 10): ("os._exit(3)", "exited with code 3")}
    expected = {}
    with open(os.path.join(folder, "pytest.ini"), "w") as ini:
        ini.write("[pytest]\n")
    for module in range(6):
        lines = ["import ctypes", "import os", ""]
        for test in range(50):
            body, cause = crashes.get((module, test), ("pass", None))
            lines += [f"def test_{test}():", f"    {body}", ""]
            outcome = ("FAILED", cause) if cause else ("PASSED", None)
            expected[f"test_m{module}.py::test_{test}"] = outcome
        with open(os.path.join(folder, f"test_m{module}.py"), "w") as source:
            source.write("\n".join(lines))
    return expected


def check_large(fastest, strategy, workers, folder, expected):
    result = run(fastest, strategy, workers, folder, ["--engine", "native"])
    problems = compare(expected, result.stdout)
    if result.returncode != 1:
        problems.append(f"exit code {result.returncode}, expected 1\n{result.stderr}")
    return problems


def check(fastest, strategy, workers, engine, scratch):
    result = run(fastest, strategy, workers, SUITE, engine_arguments(engine, scratch, SUITE))
    problems = compare(EXPECTED, result.stdout)
    if "Fatal Python error: Segmentation fault" not in result.stdout:
        problems.append("the segfault's report lacks faulthandler's traceback")
    if result.returncode != 1:
        problems.append(f"exit code {result.returncode}, expected 1\n{result.stderr}")
    return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        large = os.path.join(scratch, "large")
        os.mkdir(large)
        expected = large_suite(large)
        for strategy in sys.argv[2:] or STRATEGIES:
            for workers in (2, 3):
                problems = check_large(fastest, strategy, workers, large, expected)
                failures += verdict(f"300 tests, {strategy} -n {workers}", problems)
        for engine in engines():
            for strategy in sys.argv[2:] or STRATEGIES:
                for workers in (1, 2):
                    problems = check(fastest, strategy, workers, engine, scratch)
                    failures += verdict(f"{engine} engine, {strategy} -n {workers}", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
