#!/usr/bin/env python3
"""The summary line's session time counts what pytest's counts: from
pytest_sessionstart, after the configuration and the initial conftests,
to the end. A conftest that takes a second to import (sympy's imports
sympy) is not in it: pytest reports well under that second, and so must
fastest, under either engine. The oracle is pytest's own report.

    session_clock.py FASTEST
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

CONFTEST_SECONDS = 1.0
STATISTICS = re.compile(r" in ([\d.]+)s\b")


def reported_seconds(command, folder):
    environment = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    environment["PATH"] = os.pathsep.join(["/usr/bin", environment.get("PATH", "")])
    done = subprocess.run(command + ["-p", "no:cacheprovider"], cwd=folder, env=environment,
                          capture_output=True, text=True)
    found = STATISTICS.search(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "")
    return float(found.group(1)) if found else None, done.stdout


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-session-clock-") as folder:
        with open(os.path.join(folder, "conftest.py"), "w") as conftest:
            conftest.write(f"import time\n\ntime.sleep({CONFTEST_SECONDS})\n")
        with open(os.path.join(folder, "test_quick.py"), "w") as test:
            test.write("def test_quick():\n    pass\n")
        with open(os.path.join(folder, "pytest.ini"), "w") as ini:
            ini.write("[pytest]\n")
        seconds, output = reported_seconds(["/usr/bin/python3", "-m", "pytest"], folder)
        if seconds is None or seconds >= CONFTEST_SECONDS:
            print(f"pytest itself reported {seconds} s: cannot judge\n{output}")
            return 1
        for engine in ("native", "pytest"):
            seconds, output = reported_seconds([fastest, f"--engine={engine}"], folder)
            problems = [] if seconds is not None and seconds < CONFTEST_SECONDS else [
                f"reported {seconds} s, counting the conftest's {CONFTEST_SECONDS} s:\n{output}"]
            failures += verdict(f"--engine={engine}: the initial conftest's import is not timed", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
