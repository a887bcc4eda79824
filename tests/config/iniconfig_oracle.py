"""Prints how pytest's INI reader (iniconfig) reads each file named on the
command line, for tests/config/ini_vs_iniconfig:
    [section]            per section, in file order
    key=<json string>    per key, in file order
    error: <message>     instead, when iniconfig refuses the file
and a line `---` after each file.
"""
import json
import sys

import iniconfig


def describe(path: str) -> list[str]:
    try:
        config = iniconfig.IniConfig(path)
    except iniconfig.ParseError as error:
        return [f"error: {error}"]
    lines = []
    for section in config:
        lines.append(f"[{section.name}]")
        for key, value in section.items():
            lines.append(f"{key}={json.dumps(value)}")
    return lines


if __name__ == "__main__":
    for path in sys.argv[1:]:
        for line in describe(path):
            print(line)
        print("---")
