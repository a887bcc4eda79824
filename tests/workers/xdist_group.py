#!/usr/bin/env python3
"""`--dist loadgroup`: the items of one `xdist_group` share a worker, with
the group read from the marks as the engine collected them (a module's
`pytestmark`, a class mark, `name=` or the first argument), under both
engines.

    xdist_group.py FASTEST
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402
from suite_files import write_suite  # noqa: E402
from worker_log import LOGGING_PRELUDE, common_problems, run_logged  # noqa: E402

MODULE = LOGGING_PRELUDE.replace("{", "{{").replace("}", "}}") + '''
{module_mark}

@pytest.mark.xdist_group(name="by_name")
def test_named():
    _log("by_name")

@pytest.mark.xdist_group("by_arg")
class TestGrouped:
    def test_first(self):
        _log("by_arg")

    def test_second(self):
        _log("by_arg")

def test_module_level():
    _log("{module_group}")
'''


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-xdist-group-") as suite:
        write_suite(suite, {
            f"test_m{index}.py": MODULE.format(
                module_mark='pytestmark = pytest.mark.xdist_group("by_module")' if index % 2 == 0 else "",
                module_group="by_module" if index % 2 == 0 else f"free{index}")
            for index in range(6)})
        for engine in ("native", "pytest"):
            run, workers = run_logged([fastest, "-q", "-n", "2", "--dist", "loadgroup", "--engine", engine,
                                       "-p", "no:cacheprovider"], suite, os.path.join(suite, f"{engine}.log"))
            split = {group: pids for group, pids in workers.items()
                     if not group.startswith("free") and len(pids) > 1}
            all_pids = set().union(*workers.values())
            problems = common_problems(run, workers)
            if split:
                problems.append(f"groups split across workers: {split}")
            failures += verdict(f"{engine}: {len(workers)} groups on {len(all_pids)} workers", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
