"""`fastest --help` read back as data, so the docs list exactly the flags
the program has: [(group, [(invocation, help text)])] in --help's order."""
from __future__ import annotations

import os
import re
import subprocess
from typing import List, Tuple

Option = Tuple[str, str]
Group = Tuple[str, List[Option]]
HELP_COLUMN = 24  # core/cli/help.c's HELP_COLUMN


def help_text(fastest: str) -> str:
    """fastest --help with only the build's own plugins on the search path."""
    env = dict(os.environ)
    env.pop("FASTEST_PLUGIN_PATH", None)
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run([fastest, "--help"], capture_output=True, text=True, check=True, env=env).stdout


def parse(text: str) -> Tuple[str, List[Group]]:
    """(usage line, groups). An option line starts with two spaces and a
    dash; its help starts at HELP_COLUMN, on the same line or the next;
    continuation lines are indented to HELP_COLUMN."""
    lines = text.splitlines()
    usage = lines[0].replace("usage: ", "", 1)
    groups: List[Group] = []
    current: List[Option] = []
    for line in lines[1:]:
        if re.match(r"^\S.*:$", line):
            current = []
            groups.append((line[:-1], current))
        elif line.startswith("  -") and groups:
            invocation = line[2:HELP_COLUMN].rstrip() if len(line) > HELP_COLUMN and line[HELP_COLUMN - 1] == " " \
                and line[HELP_COLUMN - 2] == " " else line[2:].rstrip()
            rest = line[len(invocation) + 2:].strip()
            current.append((invocation, rest))
        elif line.startswith(" " * HELP_COLUMN) and current:
            invocation, so_far = current[-1]
            current[-1] = (invocation, (so_far + " " + line.strip()).strip())
    return usage, [(name, options) for name, options in groups if options]
