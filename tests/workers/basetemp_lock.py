#!/usr/bin/env python3
"""Under forked workers, the temporary base folder is one per run, made by
the process that forks them, and its lock released when the run ends (as
pytest-xdist's controller does), so that later runs remove old sessions and
keep the newest three. A lock left by a worker would keep its folder for
three days and make every later run scan it.

    basetemp_lock.py FASTEST

Runs a suite whose tests use tmp_path five times under each worker strategy
and engine, with PYTEST_DEBUG_TEMPROOT pointing at a fresh folder, and
checks what is left there."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

RUNS = 5
SUITE = "".join(f"def test_folder_{n}(tmp_path):\n    (tmp_path / 'f').write_text('x')\n\n" for n in range(6))
CONFIGURATIONS = [
    ["--strategy", "warmworkers", "-n", "2"],
    ["--strategy", "fullparallel", "-n", "2"],
    ["--strategy", "warmworkers", "-n", "2", "--engine", "pytest", "-p", "no:cacheprovider"],
]


def check(fastest, arguments):
    """Problems found after RUNS runs with these arguments."""
    with tempfile.TemporaryDirectory(prefix="fastest-basetemp-") as folder:
        suite = os.path.join(folder, "suite")
        temproot = os.path.join(folder, "temproot")
        os.makedirs(suite)
        os.makedirs(temproot)
        with open(os.path.join(suite, "test_tmp.py"), "w") as module:
            module.write(SUITE)
        with open(os.path.join(suite, "fastest.ini"), "w") as config:
            config.write(f"[fastest]\npython = {sys.executable}\n")  # the pytest engine needs pytest
        env = dict(os.environ, PYTEST_DEBUG_TEMPROOT=temproot, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        for _ in range(RUNS):
            run = subprocess.run([fastest, "-q", *arguments], cwd=suite, env=env, capture_output=True, text=True)
            if run.returncode != 0:
                return [f"exit {run.returncode}: {run.stdout}{run.stderr}"]
        (user_root,) = os.listdir(temproot)
        root = os.path.join(temproot, user_root)
        sessions = sorted(name for name in os.listdir(root) if name[len("pytest-"):].isdigit())
        problems = []
        if sessions != [f"pytest-{n}" for n in range(RUNS - 3, RUNS)]:
            problems.append(f"sessions left: {sessions} (expected the newest 3 of {RUNS})")
        for name in sessions:
            entries = os.listdir(os.path.join(root, name))
            if ".lock" in entries:
                problems.append(f"{name} still has its .lock")
            folders = sorted(entry for entry in entries if entry.startswith("test_folder_") and not entry.endswith("current"))
            if folders != [f"test_folder_{n}0" for n in range(6)]:
                problems.append(f"{name} holds {folders}, not each test's folder once")
        return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    for arguments in CONFIGURATIONS:
        problems = check(fastest, arguments)
        failures += verdict(" ".join(arguments), problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
