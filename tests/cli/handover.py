#!/usr/bin/env python3
"""The options fastest hands to pytest (core/run/handover.h) give exactly
pytest's output and exit code: each runs on a small suite under fastest
and under pytest, stdout compared with durations masked. fastest's own
options on the same command line are not handed over (pytest would refuse
them): fastest gets them, pytest's command line lacks them.

    handover.py FASTEST
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

SUITE = '''\
import logging

import pytest

@pytest.fixture
def number():
    """A number."""
    return 1

@pytest.mark.slow
def test_passes(number):
    logging.getLogger("app").warning("careful")
    assert number == 1

def test_fails():
    """Its docstring shows in the verbose listing."""
    assert 1 == 2
'''
# (arguments, the option the hand-over note names, fastest's own options
# given to fastest only)
COMMAND_LINES = [
    (["--markers"], "--markers", []),
    (["--fixtures"], "--fixtures", []),
    (["--fixtures", "-v"], "--fixtures", ["--strategy", "inprocess", "--explain"]),
    (["--fixtures-per-test"], "--fixtures-per-test", []),
    (["--setup-plan"], "--setup-plan", []),
    (["--setup-only"], "--setup-only", []),
    (["--setup-show"], "--setup-show", ["--engine=native", "--timeout", "30", "--repeat=2"]),
    (["--pdb", "-k", "passes"], "--pdb", []),
    (["--log-cli-level=INFO"], "--log-cli-level", []),
    (["-o", "log_cli=true"], "log_cli", ["--strategy=warmworkers"]),
    (["--log-file=run.log"], "--log-file", []),
    (["--cache-show"], "--cache-show", []),
    (["--collect-only", "-v"], "--collect-only with -v", []),
    (["--co", "-vv", "-k", "fails"], "--collect-only with -v", []),
    (["--cache-show", "*/lastfailed"], "--cache-show", []),
]
DURATION = re.compile(r"in \d+\.\d+s")
# The command lines run with -p no:cacheprovider, leaving the suite's
# cache as it is, but --cache-show's, which shows it.
CACHE_SHOWN = "--cache-show"
LASTFAILED = '{\n  "test_suite.py::test_fails": true\n}'


def run(command, suite):
    """One command line's stdout, exit code and stderr, from the same cache
    (pytest's --cache-show ends a session, which writes one value)."""
    shutil.rmtree(os.path.join(suite, ".pytest_cache"), ignore_errors=True)
    os.makedirs(os.path.join(suite, ".pytest_cache", "v", "cache"))
    with open(os.path.join(suite, ".pytest_cache", "v", "cache", "lastfailed"), "w") as cache:
        cache.write(LASTFAILED)
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    done = subprocess.run(command, cwd=suite, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return DURATION.sub("in <time>", done.stdout), done.returncode, done.stderr


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-handover-") as suite:
        with open(os.path.join(suite, "test_suite.py"), "w") as module:
            module.write(SUITE)
        with open(os.path.join(suite, "pytest.ini"), "w") as ini:
            ini.write("[pytest]\nmarkers =\n    slow: a slow test\n")
        with open(os.path.join(suite, "fastest.ini"), "w") as config:
            config.write(f"[fastest]\npython = {sys.executable}\n")
        for arguments, option, own in COMMAND_LINES:
            if option != CACHE_SHOWN:
                arguments = [*arguments, "-p", "no:cacheprovider"]
            theirs = run([sys.executable, "-m", "pytest", *arguments], suite)
            ours = run([fastest, *own, *arguments], suite)
            problems = []
            if ours[:2] != theirs[:2]:
                problems.append(f"exit {ours[1]} vs pytest's {theirs[1]}; stdout:\n{ours[0]}\n--- pytest's:\n{theirs[0]}")
            if f"{option} is pytest's own" not in ours[2]:
                problems.append(f"no hand-over note on stderr: {ours[2]!r}")
            failures += verdict(" ".join([*own, *arguments]), problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
