#!/usr/bin/env python3
"""A test killed with SIGKILL beside other workers' tests (as the kernel's
out-of-memory killer kills a test that needs most of the memory, which
pytest runs alone) runs again at the end with no other test beside it,
and gets pytest's outcome: crowded_suite/, under each worker strategy and
both engines, against pytest's run of it. The rerun is checked (the hog
ran twice), and the reporters saw one run: each node once in the -v
progress and the -rA summary, the counts and exit code pytest's.

    alone_rerun.py FASTEST
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from compare_runs import outcome_lines, summary_line  # noqa: E402
from verdict import verdict  # noqa: E402

from engine_choice import PYTEST_PYTHON, engine_arguments, engines  # noqa: E402

SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crowded_suite")
# -rA's short summary: one line per node.
SUMMARY = re.compile(r"^(PASSED|FAILED|ERROR) \S+")


def run(command, crowd):
    for name in os.listdir(crowd):
        os.remove(os.path.join(crowd, name))
    environment = dict(os.environ, CROWD_DIR=crowd, COLUMNS="200", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    result = subprocess.run(command, cwd=SUITE, capture_output=True, text=True, env=environment, timeout=120)
    runs_path = os.path.join(crowd, "hog_runs")
    runs = open(runs_path).read().count("run") if os.path.exists(runs_path) else 0
    return result, runs


def summary_lines(stdout):
    return [line for line in stdout.splitlines() if SUMMARY.match(line)]


def statistics(stdout):
    """The statistics line, durations masked, without the "=" padding their
    lengths set."""
    return summary_line(stdout).strip("= ")


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        crowd = os.path.join(scratch, "crowd")
        os.mkdir(crowd)
        options = ["-v", "-rA", "-p", "no:cacheprovider"]
        expected, _ = run([PYTEST_PYTHON, "-m", "pytest", *options], crowd)
        for engine in engines():
            for strategy in ("warmworkers", "fullparallel"):
                result, runs = run([fastest, "--strategy", strategy, "-n", "2", *options,
                                    *engine_arguments(engine, scratch, SUITE)], crowd)
                problems = []
                if runs != 2:
                    problems.append(f"the hog ran {runs} times, expected 2 (killed beside its neighbour, then alone)")
                for name, lines in (("progress", outcome_lines), ("-rA summary", summary_lines),
                                    ("statistics", statistics)):
                    got, want = lines(result.stdout), lines(expected.stdout)
                    if got != want:
                        problems.append(f"{name}: {got!r}, pytest's {want!r}")
                if result.returncode != expected.returncode:
                    problems.append(f"exit code {result.returncode}, pytest's {expected.returncode}\n{result.stderr}")
                failures += verdict(f"{engine} engine, {strategy} -n 2", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
