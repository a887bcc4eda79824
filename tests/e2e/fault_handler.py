#!/usr/bin/env python3
"""pytest's faulthandler plugin: with faulthandler_timeout (ini), a test
that runs longer has every thread's stack written to stderr, past the
output capture ("Timeout (0:00:00.500000)!", then the frames, the test's
among them); under pytest and fastest alike, with every strategy. The
frames above the test's are each tool's own, so only the heading and the
test's frame are compared.

    fault_handler.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from suite_files import write_suite  # noqa: E402
from verdict import verdict  # noqa: E402

EXPECTED = ["Timeout (0:00:00.500000)!", 'test_slow.py", line 5 in test_sleeps']


def main():
    fastest = os.path.abspath(sys.argv[1])
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-fault-handler-") as suite:
        write_suite(suite, {
            "pytest.ini": "[pytest]\nfaulthandler_timeout = 0.5\n",
            "test_slow.py": "import time\n\n\ndef test_sleeps():\n    time.sleep(1.5)\n",
        })
        runs = {
            "pytest": [sys.executable, "-m", "pytest"],
            "fastest --strategy inprocess": [fastest, "--strategy", "inprocess"],
            "fastest --strategy warmworkers -n 1": [fastest, "--strategy", "warmworkers", "-n", "1"],
        }
        for name, command in runs.items():
            run = subprocess.run([*command, "-p", "no:cacheprovider"], cwd=suite, env=env, capture_output=True, text=True)
            missing = [text for text in EXPECTED if text not in run.stderr]
            problems = [f"stderr lacks {text!r}:\n{run.stderr}" for text in missing]
            if run.returncode != 0:
                problems.append(f"exit {run.returncode}: {run.stdout}")
            failures += verdict(f"{name}: faulthandler_timeout dumps the stacks", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
