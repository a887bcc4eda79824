#!/usr/bin/env python3
"""fastest's reporter options on a real run, against pytest where pytest
decides:

  * --junitxml naming a directory: pytest's usage error, exit 4;
  * --junitxml in a place that cannot be written: a clear error before any
    test runs, exit 4 (pytest only fails at the end of the run);
  * the console's "generated xml file: PATH" line, at pytest's place in the
    report, for relative, absolute and ~/$VAR paths;
  * --github and GITHUB_ACTIONS=true: one ::error command per failure and
    error after the report, escaped as GitHub requires;
  * --json: exit 4 for an unwritable path; on a real run, a document with
    pytest's items, outcomes and exit status;
  * the progress line: drawn on a long run in a terminal (under `script`),
    gone before the final report; never under CI.

    run_checks.py FASTEST
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from reporter_harness import environment

PYTEST = ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider"]
SUITE = {
    "test_small.py": (
        "import pytest\n"
        "\n"
        "def test_pass():\n"
        "    pass\n"
        "\n"
        "def test_fail():\n"
        "    assert 1 == 2, 'one, two: 100%'\n"
        "\n"
        "@pytest.fixture\n"
        "def broken():\n"
        "    raise RuntimeError('no\\nway')\n"
        "\n"
        "def test_error(broken):\n"
        "    pass\n"
    ),
}


def run(command, cwd, **extra):
    return subprocess.run(command, cwd=cwd, env=environment(extra), capture_output=True,
                          text=True)


def line_before_summary(stdout):
    lines = stdout.splitlines()
    for index, line in enumerate(lines):
        if "short test summary info" in line:
            return lines[index - 1]
    return None


SLOW_TEST = (
    "import time\n"
    "import pytest\n"
    "\n"
    "@pytest.mark.parametrize('n', range(10))\n"
    "def test_slow(n):\n"
    "    time.sleep(0.3)\n"
)


def check_progress_line(fastest, root, check):
    """Runs a 3-second suite in a pseudo-terminal, with and without CI."""
    slow = os.path.join(root, "slow")
    os.mkdir(slow)
    with open(os.path.join(slow, "test_slow.py"), "w") as handle:
        handle.write(SLOW_TEST)
    for ci in (False, True):
        typescript = os.path.join(root, f"typescript-{ci}")
        extra = {"TERM": "xterm", **({"CI": "1"} if ci else {})}
        run(["script", "-qec", f"{fastest} -p no:cacheprovider", typescript], slow, **extra)
        with open(typescript, encoding="utf-8", errors="replace") as handle:
            screen = handle.read()
        final_report = screen.rfind("[100%]")
        drawn = re.search(r"fastest: \d+/10 done", screen) is not None
        if ci:
            check("progress line: never under CI", not drawn, screen[-400:])
        else:
            check("progress line: drawn on a long run, cleared before the final report",
                  drawn and final_report > 0 and "fastest: " not in screen[final_report:],
                  screen[-400:])


def main() -> int:
    fastest = os.path.abspath(sys.argv[1])
    failures = []
    checks = 0

    def check(name, condition, detail=""):
        nonlocal checks
        checks += 1
        print(f"{'ok  ' if condition else 'FAIL'} {name}")
        if not condition:
            failures.append(name)
            print("    " + detail.replace("\n", "\n    "))

    with tempfile.TemporaryDirectory(prefix="fastest-reporter-options-") as root:
        for name, source in SUITE.items():
            with open(os.path.join(root, name), "w") as handle:
                handle.write(source)

        result = run([fastest, f"--junitxml={root}"], root)
        expected = run([*PYTEST, f"--junitxml={root}"], root)
        check("directory path: exit 4", result.returncode == 4 == expected.returncode,
              f"fastest {result.returncode}, pytest {expected.returncode}")
        check("directory path: pytest's message", result.stderr == expected.stderr,
              f"fastest {result.stderr!r}\npytest  {expected.stderr!r}")

        blocker = os.path.join(root, "not-a-directory")
        open(blocker, "w").close()
        unwritable = os.path.join(blocker, "report.xml")
        result = run([fastest, f"--junitxml={unwritable}"], root)
        check("unwritable path: exit 4 before the run",
              result.returncode == 4 and "test_small.py" not in result.stdout,
              f"exit {result.returncode}, stdout {result.stdout!r}")
        check("unwritable path: the message names the path and the fix",
              blocker in result.stderr and "pass a path" in result.stderr,
              result.stderr)

        for given, extra in [("out/report.xml", {}), (os.path.join(root, "abs.xml"), {}),
                             ("$REPORT_DIR/./x/../var.xml", {"REPORT_DIR": root}),
                             ("~/home.xml", {"HOME": root})]:
            result = run([fastest, f"--junitxml={given}"], root, **extra)
            expected = run([*PYTEST, f"--junitxml={given}"], root, **extra)
            ours, theirs = line_before_summary(result.stdout), line_before_summary(expected.stdout)
            check(f"generated xml file line for {given}",
                  ours == theirs and theirs is not None and "generated xml file" in theirs,
                  f"fastest {ours!r}\npytest  {theirs!r}")

        annotations = [
            "::error file=test_small.py,line=11,title=test_small.py%3A%3Atest_error"
            "::RuntimeError: no%0Away",
            "::error file=test_small.py,line=7,title=test_small.py%3A%3Atest_fail"
            "::AssertionError: one, two: 100%25%0Aassert 1 == 2",
        ]
        plain = run([fastest], root)
        for name, command, extra in [("--github", [fastest, "--github"], {}),
                                     ("GITHUB_ACTIONS=true", [fastest], {"GITHUB_ACTIONS": "true"})]:
            result = run(command, root, **extra)
            lines = result.stdout.splitlines()
            # The report is the plain one (the strategy line aside: it quotes
            # the durations the previous runs recorded, which vary).
            report = [line for line in lines[:-2] if not line.startswith("strategy: ")]
            plain_report = [line for line in plain.stdout.splitlines() if not line.startswith("strategy: ")]
            check(f"{name}: annotations after the report",
                  lines[-2:] == annotations and report[:5] == plain_report[:5],
                  "\n".join(lines[-4:]))
        check("no annotations without --github", "::error" not in plain.stdout, plain.stdout)

        result = run([fastest, f"--json={unwritable}"], root)
        check("--json unwritable path: exit 4 with the path named",
              result.returncode == 4 and blocker in result.stderr, result.stderr)
        document_path = os.path.join(root, "report.json")
        result = run([fastest, f"--json={document_path}"], root)
        expected = run([*PYTEST, "-v"], root)
        try:
            with open(document_path, encoding="utf-8") as handle:
                document = json.load(handle)
            outcomes = [(item["node_id"], item["outcome"]) for item in document["items"]]
            status = document["exit_status"]
        except (OSError, ValueError, KeyError) as error:
            outcomes, status = str(error), None
        check("--json on a real run: pytest's items, outcomes and exit status",
              outcomes == [("test_small.py::test_pass", "passed"),
                           ("test_small.py::test_fail", "failed"),
                           ("test_small.py::test_error", "error")]
              and status == expected.returncode == result.returncode,
              f"{outcomes}, exit {status}; pytest {expected.returncode}")

        if shutil.which("script"):
            check_progress_line(fastest, root, check)

    print(f"{checks - len(failures)}/{checks} reporter option checks pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
