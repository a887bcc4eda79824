#!/usr/bin/env python3
"""What --dist promises holds in a suite large enough for fastest to split
its units: pytest-xdist runs all of a loadgroup group, a loadfile file and
a loadscope module's functions (or one class) in one process, and so must
every strategy, however many items they hold. And whatever --dist says, a
module whose tests share a module-scoped fixture stays on one worker (split,
each worker would make its own, and the tests that count on its state would
fail where they pass under pytest).

    dist_guarantees.py FASTEST
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import LOGGING_PRELUDE, common_problems, run_logged  # noqa: E402

ITEMS = 240  # per module: past the size from which strategies split units


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
    "test_shared.py": '''\
@pytest.fixture(scope="module")
def seen():
    return []


@pytest.mark.parametrize("n", range({items}))
def test_shared(seen, n):
    _log("shared:test_shared.py")
    seen.append(n)
    assert seen == list(range(n + 1))
''',
}

# --dist value (None: not given) -> the logged units kept on one worker.
PROMISES = {
    None: ["shared:test_shared.py"],
    "loadgroup": ["group:big", "shared:test_shared.py"],
    "loadfile": ["group:big", "file:test_file.py", "shared:test_shared.py"],
    "loadscope": ["group:big", "file:test_file.py", "shared:test_shared.py"],
}


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-dist-") as suite:
        write_suite(suite, {name: LOGGING_PRELUDE + "\n\n" + body.format(items=ITEMS)
                            for name, body in MODULES.items()})
        for strategy in ("warmworkers", "fullparallel"):
            for dist, kept in PROMISES.items():
                dist_args = ["--dist", dist] if dist else []
                run, workers = run_logged([fastest, "-q", "-n", "2", *dist_args, "--strategy", strategy,
                                           "-p", "no:cacheprovider"], suite,
                                          os.path.join(suite, f"{strategy}-{dist}.log"))
                problems = common_problems(run, workers)
                problems += [f"{unit} ran on {len(workers.get(unit, ()))} workers" for unit in kept
                             if len(workers.get(unit, ())) != 1]
                label = f"--dist {dist}" if dist else "no --dist"
                failures += verdict(f"{strategy} {label}: {', '.join(kept)} on one worker", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
