#!/usr/bin/env python3
"""A conftest hook that raises while the session collects: pytest stops
with an internal error (exit 3) and prints the traceback down to the
hook's line; fastest must exit 3 too and name the error and where it was
raised, under both engines (its traceback shows the engine's frames where
pytest shows pluggy's, so only those lines are compared).

    hook_errors.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from suite_files import write_suite  # noqa: E402
from verdict import verdict  # noqa: E402

CONFTEST = 'def pytest_collection_modifyitems(items):\n    raise RuntimeError("hook broke")\n'
EXPECTED_LINES = ['raise RuntimeError("hook broke")', "RuntimeError: hook broke"]


def main():
    fastest = os.path.abspath(sys.argv[1])
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-hook-errors-") as suite:
        write_suite(suite, {"conftest.py": CONFTEST, "test_a.py": "def test_a():\n    pass\n"})
        pytest = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider"], cwd=suite, env=env,
                                capture_output=True, text=True)
        for engine in ("native", "pytest"):
            run = subprocess.run([fastest, "-p", "no:cacheprovider", "--engine", engine], cwd=suite, env=env,
                                 capture_output=True, text=True)
            problems = []
            if run.returncode != pytest.returncode:
                problems.append(f"exit code: pytest {pytest.returncode}, fastest {run.returncode}")
            shown = run.stdout + run.stderr
            for line in EXPECTED_LINES:
                if line not in pytest.stdout + pytest.stderr:
                    problems.append(f"pytest no longer shows {line!r}: the check is stale")
                if line not in shown:
                    problems.append(f"fastest does not show {line!r}:\n{shown}")
            failures += verdict(f"{engine}: a raising pytest_collection_modifyitems, exit {run.returncode}", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
