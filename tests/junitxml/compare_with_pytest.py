#!/usr/bin/env python3
"""fastest's JUnit XML against pytest's own, element by element.

Two ways to produce fastest's file for a scenario:
  --replay REPLAY --plugin SO   pytest runs the suite (writing its XML) while
                                fastest's recorder saves its reports as
                                events; the replay tool feeds those events to
                                the junitxml plugin. Tests the reporter alone.
  --fastest BIN                 fastest runs the suite itself (engine and
                                reporter end to end).

Both files are parsed with ElementTree and compared tag by tag, attribute by
attribute and text by text, with the run-dependent values (the time
attributes, timestamp, hostname and object addresses in text) masked. The raw files are also compared
byte for byte after masking; a difference there alone is reported as "bytes".
Exit 0 when every scenario matches.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from reporter_harness import environment, parse_args

HERE = os.path.dirname(os.path.abspath(__file__))
PYTEST = ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider"]
MASKED = ("time", "timestamp", "hostname")
ADDRESS = re.compile(r"\b0x[0-9a-f]{6,}\b")  # object addresses differ run to run


def unaddressed(text):
    return ADDRESS.sub("0x?", text or "")

SUITE = os.path.join(HERE, "suite")
COLLECT_ERRORS = os.path.join(HERE, "collect_errors")
RECORDS = os.path.join(HERE, "records")
INHERITED_MARKS = os.path.join(HERE, "..", "e2e", "inherited_marks")

# (name, suite folder, pytest arguments, ini values)
SCENARIOS = [
    ("xunit2 default", SUITE, [], {}),
    ("xunit1", SUITE, [], {"junit_family": "xunit1"}),
    ("legacy", SUITE, [], {"junit_family": "legacy"}),
    ("logging log", SUITE, [], {"junit_logging": "log"}),
    ("logging system-out", SUITE, [], {"junit_logging": "system-out"}),
    ("logging system-err", SUITE, [], {"junit_logging": "system-err"}),
    ("logging out-err", SUITE, [], {"junit_logging": "out-err"}),
    ("logging all", SUITE, [], {"junit_logging": "all"}),
    ("logging all, xunit1", SUITE, [], {"junit_logging": "all", "junit_family": "xunit1"}),
    ("no passing logs", SUITE, [], {"junit_logging": "all", "junit_log_passing_tests": "false"}),
    ("duration call", SUITE, [], {"junit_duration_report": "call"}),
    ("suite name", SUITE, [], {"junit_suite_name": "my <suite> & co"}),
    ("prefix", SUITE, ["--junitprefix=pre.fix"], {}),
    ("tb short", SUITE, ["--tb=short"], {}),
    ("tb native", SUITE, ["--tb=native"], {}),
    ("exit first", SUITE, ["-x"], {}),
    ("keyword", SUITE, ["-k", "params or Group"], {}),
    ("collection errors", COLLECT_ERRORS, [], {}),
    ("collection errors, continue", COLLECT_ERRORS, ["--continue-on-collection-errors"], {}),
    ("collection errors, xunit1", COLLECT_ERRORS, ["--continue-on-collection-errors"],
     {"junit_family": "xunit1"}),
]


# Only with --fastest: what record_xml_attribute and record_testsuite_property
# add reaches the file through the engines, not through pytest's reports.
# (name, suite folder, pytest arguments, ini values, fastest's own arguments)
END_TO_END_SCENARIOS = [
    (f"records, {family}, {how}", RECORDS, [], {"junit_family": family}, own)
    for family in ("xunit1", "xunit2")
    for how, own in (("native", ["--engine=native"]), ("pytest engine", ["--engine=pytest"]),
                     ("native -n 2", ["--engine=native", "-n", "2"]),
                     ("pytest engine -n 2", ["--engine=pytest", "-n", "2"]))
] + [
    # A skip mark inherited from a class: the line stays in the XML.
    (f"inherited skip marks, {how}", INHERITED_MARKS, [], {}, own)
    for how, own in (("native", ["--engine=native"]), ("pytest engine", ["--engine=pytest"]))
]


def ini_args(ini):
    return [arg for key, value in ini.items() for arg in ("-o", f"{key}={value}")]


def replay_options(flags, ini, xml_path):
    options = {"xmlpath": xml_path}
    for flag in flags:
        if flag.startswith("--junitprefix="):
            options["junitprefix"] = flag.split("=", 1)[1]
    options.update({f"ini:{key}": value for key, value in ini.items()})
    return [f"{key}={value}" for key, value in options.items()]


def run_pytest(workdir, flags, ini, xml_path, events=None, python_path=None):
    extra = {}
    plugin = []
    if events:
        extra = {"FASTEST_EVENTS_FILE": events, "PYTHONPATH": os.pathsep.join([HERE, python_path])}
        plugin = ["-p", "unfolded_report_events"]
    return subprocess.run([*PYTEST, *plugin, f"--junitxml={xml_path}", *flags, *ini_args(ini)],
                          cwd=workdir, env=environment(extra), capture_output=True, text=True)


def describe(element, path):
    return f"{path}/{element.tag}"


def compare_elements(expected, actual, path, differences):
    where = describe(expected, path)
    if expected.tag != actual.tag:
        differences.append(f"{where}: tag {actual.tag!r}, pytest has {expected.tag!r}")
        return
    masked_expected = {k: unaddressed(v) for k, v in expected.attrib.items() if k not in MASKED}
    masked_actual = {k: unaddressed(v) for k, v in actual.attrib.items() if k not in MASKED}
    if set(expected.attrib) != set(actual.attrib) or masked_expected != masked_actual:
        differences.append(f"{where}: attributes {masked_actual}, pytest has {masked_expected}")
    if unaddressed(expected.text) != unaddressed(actual.text):
        differences.append(f"{where} text:\n  fastest {actual.text!r}\n  pytest  {expected.text!r}")
    if len(expected) != len(actual):
        differences.append(f"{where}: children {[c.tag for c in actual]}, "
                           f"pytest has {[c.tag for c in expected]}")
    name = expected.get("name")
    for index, (left, right) in enumerate(zip(expected, actual)):
        compare_elements(left, right, f"{where}[{name or index}]", differences)


def masked_bytes(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return unaddressed(re.sub(r' (time|timestamp|hostname)="[^"]*"', r' \1="*"', text))


def compare_files(expected_path, actual_path):
    try:
        expected = ET.parse(expected_path).getroot()
        actual = ET.parse(actual_path).getroot()
    except (ET.ParseError, OSError) as error:
        return [f"unreadable XML: {error}"]
    differences = []
    compare_elements(expected, actual, "", differences)
    if not differences and masked_bytes(expected_path) != masked_bytes(actual_path):
        differences.append("bytes: same elements, different serialization")
    return differences


def run_scenario(args, suite, flags, ini, fastest_flags=()):
    with tempfile.TemporaryDirectory(prefix="fastest-junitxml-") as root:
        workdir = os.path.join(root, "suite")
        # Without caches: a .pyc carries the path it was compiled at, and
        # pytest keeps one made in the source folder (its copy's mtime too).
        shutil.copytree(suite, workdir,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", ".fastest_cache"))
        expected = os.path.join(root, "pytest.xml")
        actual = os.path.join(root, "fastest.xml")
        if args.fastest:
            run_pytest(workdir, flags, ini, expected)
            subprocess.run([args.fastest, "-p", "no:cacheprovider", f"--junitxml={actual}",
                            *flags, *ini_args(ini), *fastest_flags],
                           cwd=workdir, env=environment(), capture_output=True, text=True)
        else:
            events = os.path.join(root, "events.bin")
            run_pytest(workdir, flags, ini, expected, events, args.python_path)
            replay = subprocess.run([args.replay, args.plugin, events,
                                     *replay_options(flags, ini, actual)],
                                    cwd=workdir, env=environment(), capture_output=True, text=True)
            if replay.returncode != 0:
                return [f"replay failed ({replay.returncode}): {replay.stderr}"]
        if not os.path.exists(actual):
            return ["fastest wrote no XML file"]
        return compare_files(expected, actual)


def main() -> int:
    args = parse_args(__doc__)
    if not args.fastest and not (args.replay and args.plugin and args.python_path):
        parser.error("give --fastest, or --replay, --plugin and --python-path")
    matched = 0
    scenarios = [(*scenario, ()) for scenario in SCENARIOS]
    if args.fastest:
        scenarios += END_TO_END_SCENARIOS
    for name, suite, flags, ini, fastest_flags in scenarios:
        differences = run_scenario(args, suite, flags, ini, fastest_flags)
        matched += not differences
        settings = " ".join([*flags, *(f"{k}={v}" for k, v in ini.items())])
        print(f"{'ok  ' if not differences else 'DIFF'} {name} ({settings})")
        for difference in differences[:12]:
            print("    " + difference.replace("\n", "\n    "))
    print(f"{matched}/{len(scenarios)} scenarios: fastest's JUnit XML matches pytest's")
    return 0 if matched == len(scenarios) else 1


if __name__ == "__main__":
    sys.exit(main())
