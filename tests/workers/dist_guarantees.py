#!/usr/bin/env python3
"""What --dist promises holds in a suite large enough for fastest to split
its units: pytest-xdist runs all of a loadgroup group, a loadfile file and
a loadscope module's functions (or one class) in one process, and so must
every strategy, however many items they hold.

    dist_guarantees.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

ITEMS = 240  # per module: past the size from which strategies split units

LOGGED = '''\
import os
import pytest


def _log(unit):
    with open(os.environ["UNIT_LOG"], "a") as log:
        log.write(f"{{unit}} {{os.getpid()}}\\n")

{body}
'''

MODULES = {
    "test_group.py": '''\
@pytest.mark.xdist_group("big")
@pytest.mark.parametrize("n", range({items}))
def test_grouped(n):
    _log("group:big")
''',
    "test_file.py": '''\
@pytest.mark.parametrize("n", range({items}))
def test_in_file(n):
    _log("file:test_file.py")
''',
    "test_free.py": '''\
@pytest.mark.parametrize("n", range({items}))
def test_free(n):
    _log("free")
''',
}

# --dist value -> the logged units it must keep on one worker.
PROMISES = {
    "loadgroup": ["group:big"],
    "loadfile": ["group:big", "file:test_file.py"],
    "loadscope": ["group:big", "file:test_file.py"],
}


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-dist-") as suite:
        with open(os.path.join(suite, "fastest.ini"), "w") as config:
            config.write(f"[fastest]\npython = {sys.executable}\n")
        for name, body in MODULES.items():
            with open(os.path.join(suite, name), "w") as module:
                module.write(LOGGED.format(body=body.format(items=ITEMS)))
        for strategy in ("warmworkers", "fullparallel"):
            for dist, kept in PROMISES.items():
                log = os.path.join(suite, f"{strategy}-{dist}.log")
                env = dict(os.environ, UNIT_LOG=log, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
                run = subprocess.run([fastest, "-q", "-n", "2", "--dist", dist, "--strategy", strategy,
                                      "-p", "no:cacheprovider"], cwd=suite, env=env,
                                     capture_output=True, text=True)
                workers = {}
                with open(log) as lines:
                    for line in lines:
                        unit, pid = line.split()
                        workers.setdefault(unit, set()).add(pid)
                problems = []
                if run.returncode != 0:
                    problems.append(f"exit {run.returncode}: {run.stdout}{run.stderr}")
                problems += [f"{unit} ran on {len(workers.get(unit, ()))} workers" for unit in kept
                             if len(workers.get(unit, ())) != 1]
                if len(set().union(*workers.values())) < 2:
                    problems.append("everything ran on one worker: the check proves nothing")
                failures += verdict(f"{strategy} --dist {dist}: {', '.join(kept)} on one worker", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
