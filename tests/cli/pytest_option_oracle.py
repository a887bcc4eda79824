"""Prints how pytest 7.2.1 itself parses command lines, for the C tests
that compare fastest's parser against it.

Run with the interpreter that has pytest (/usr/bin/python3):
    pytest_option_oracle.py DEST[,DEST...] < cases
Each input line is one command line as a JSON list of strings. For each,
prints one `dest=value` line per set option (a list gives one line per
item, a bool prints as 0/1, None is left out), or `error: <message>`,
then a line `---`.

Each command line is parsed into a copy of config.option, as pytest parses
into config.option itself: the defaults there come from the options as
they were added (the first option of a dest with a default sets it), not
from argparse's first action of the dest.
"""
import copy
import json
import sys

from _pytest.config import UsageError, get_config


def describe(config, dests: list[str], args: list[str]) -> list[str]:
    try:
        namespace = config._parser.parse(args, namespace=copy.copy(config.option))
    except UsageError as error:
        # "usage: ...\n<prog>: error: <message>": keep only the message.
        return ["error: " + str(error).split(": error: ", 1)[1].splitlines()[0]]
    lines = []
    for dest in dests:
        value = getattr(namespace, dest, None)
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            lines.append(f"{dest}={int(item) if isinstance(item, bool) else item}")
    return lines


def main(argv: list[str]) -> int:
    dests = argv[1].split(",")
    cases = sys.stdin.readlines()  # before pytest's config captures stdin
    config = get_config()
    config._preparse([], addopts=False)
    for line in cases:
        for output in describe(config, dests, json.loads(line)):
            print(output)
        print("---")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
