#!/usr/bin/env python3
"""Every strategy against pytest: tests/e2e/compare_runs.py's scenarios
(tests/compat, examples/quickstart), run by fastest under each strategy and
by pytest; the same per-node outcomes in the same order, the same summary
line and exit code, and, where the scenario says so, the same whole report.

    compare_strategies.py FASTEST SOURCE_ROOT [STRATEGY ...]

The scenarios and the comparison are compare_runs.py's own (imported);
each strategy runs through a wrapper that appends `--strategy NAME`.
"""
import os
import stat
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import compare_runs  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

STRATEGIES = ["inprocess", "warmworkers", "fullparallel"]


def wrapper(folder, fastest, strategy):
    """An executable that runs fastest with --strategy appended; exec keeps
    fastest's own argv[0], from which it finds its plugins."""
    path = os.path.join(folder, f"fastest-{strategy}")
    with open(path, "w") as script:
        script.write(f'#!/bin/sh\nexec "{fastest}" "$@" --strategy {strategy}\n')
    os.chmod(path, stat.S_IRWXU)
    return path


def main():
    fastest, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    strategies = sys.argv[3:] or STRATEGIES
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-strategies-") as folder:
        for strategy in strategies:
            command = wrapper(folder, fastest, strategy)
            for suite, args, whole_output in compare_runs.SCENARIOS:
                count, problems = compare_runs.compare(command, root, suite, args, whole_output)
                label = f"{strategy}: {suite} {' '.join(args)}".strip()
                failures += verdict(f"{label} ({count} outcomes)", problems)
    print(f"{failures} scenario(s) differ from pytest")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
