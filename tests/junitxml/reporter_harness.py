"""What the reporter comparison scripts (tests/junitxml, tests/jsonreport)
share: the environment both tools run in, and the command line choosing how
fastest's output is produced (replayed events or a real run)."""
from __future__ import annotations

import argparse
import os


def environment(extra=None):
    """os.environ without what changes pytest's or fastest's output."""
    env = dict(os.environ, COLUMNS="80", PYTHONHASHSEED="0", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    for name in ("PYTEST_ADDOPTS", "NO_COLOR", "FORCE_COLOR", "CI", "GITHUB_ACTIONS"):
        env.pop(name, None)
    env.update(extra or {})
    return env


def parse_args(description):
    """--fastest BIN, or --replay REPLAY --plugin SO --python-path DIR; all
    made absolute (the scenarios run in temporary folders)."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replay", help="tests/reporters/replay")
    parser.add_argument("--plugin", help="the reporter plugin to replay events through")
    parser.add_argument("--python-path", help="the folder holding the fastest package")
    parser.add_argument("--fastest", help="run this fastest instead of replaying")
    args = parser.parse_args()
    if not args.fastest and not (args.replay and args.plugin and args.python_path):
        parser.error("give --fastest, or --replay, --plugin and --python-path")
    for name in ("replay", "plugin", "python_path", "fastest"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))
    return args
