#!/usr/bin/env python3
"""A failure fastest cannot render (a bug of its own; here a test's
``__tracebackhide__`` callable that raises, where pytest's run ends with an
internal error) still fails that test alone: its report shows the
exception as Python prints it and what went wrong, every other test runs,
and the exit code is that of a run with a failure (1). In-process and on
workers.

    contained_rendering.py FASTEST
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

SUITE = '''\
def _broken_hide(excinfo):
    raise RuntimeError("the hide callable broke")


def test_renderer_meets_a_broken_hide():
    __tracebackhide__ = _broken_hide
    assert 1 == 2


def test_after():
    pass
'''


def check(fastest, folder, arguments):
    done = subprocess.run([fastest, "-rA", "-p", "no:cacheprovider", *arguments], cwd=folder,
                          capture_output=True, text=True, timeout=120)
    problems = []
    if done.returncode != 1:
        problems.append(f"exit code {done.returncode}, expected 1\n{done.stderr}")
    for line in ("FAILED test_hide.py::test_renderer_meets_a_broken_hide", "PASSED test_hide.py::test_after",
                 "fastest could not show this failure as pytest does", "RuntimeError: the hide callable broke",
                 "AssertionError: assert 1 == 2"):
        if line not in done.stdout:
            problems.append(f"no {line!r} in the output:\n{done.stdout}")
    return problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-contained-rendering-") as folder:
        with open(os.path.join(folder, "pytest.ini"), "w") as ini:
            ini.write("[pytest]\n")
        with open(os.path.join(folder, "test_hide.py"), "w") as module:
            module.write(SUITE)
        for arguments in (["--strategy", "inprocess"], ["-n", "2"]):
            failures += verdict(" ".join(arguments), check(fastest, folder, arguments))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
