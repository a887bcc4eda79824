#!/usr/bin/env python3
"""`fastest --help` lists the options a suite's initial conftests add
(pytest_addoption) as `pytest --help` lists them: each group under its
title (a group's description, else its name), the anonymous group's
options under "Custom options:", last. The suites of
tests/pytest_mode/suites whose conftests add options run under both; every
section of pytest's help that holds a conftest's option must be in
fastest's, line for line.

    conftest_help.py FASTEST SOURCE_ROOT
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

# Suites whose initial conftests add options: to new groups, to the
# anonymous one and to one of pytest's own ("general").
SUITES = ["native_hooks"]


def sections(text):
    """{title: [lines]} of a help text's sections (a line ending in ":"
    opens one, a blank line ends it)."""
    found, title = {}, None
    for line in text.splitlines():
        if title is None and line.endswith(":") and not line.startswith(" "):
            title = line
            found[title] = []
        elif title is not None and not line.strip():
            title = None
        elif title is not None:
            found[title].append(line)
    return found


def helps(command, cwd):
    environment = dict(os.environ, COLUMNS="80")
    environment.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(command + ["--help"], cwd=cwd, env=environment, capture_output=True, text=True)
    return sections(result.stdout)


def main():
    fastest = os.path.abspath(sys.argv[1])
    root = os.path.join(os.path.abspath(sys.argv[2]), "tests", "pytest_mode", "suites")
    pytest = ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider"]
    failed = False
    for suite in SUITES:
        cwd = os.path.join(root, suite)
        with_conftest = helps(pytest, cwd)
        without = helps(pytest + ["--noconftest"], cwd)
        fastest_sections = helps([fastest], cwd)
        problems = []
        for title, lines in with_conftest.items():
            added = [line for line in lines if line not in without.get(title, [])]
            if not added:
                continue
            # A conftest's group: the whole section; pytest's own group: its
            # options there, after pytest's.
            theirs = fastest_sections.get(title, [])
            expected = lines if title not in without else added
            got = theirs if title not in without else theirs[len(theirs) - len(added):]
            if got != expected:
                problems.append(f"{title} pytest {expected!r}, fastest {got!r}")
        if with_conftest == without:
            problems.append("pytest's help shows no conftest option for this suite")
        failed |= verdict(f"{suite}: the conftests' options in --help", problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
