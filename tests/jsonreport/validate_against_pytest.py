#!/usr/bin/env python3
"""The JSON report against what pytest reports for the same suites.

For each scenario, pytest runs the suite with -v -rA (its per-test outcome
words, short summary and final line are the truth) while fastest's recorder
saves its reports as events; the replay tool feeds them to the json plugin
(or, with --fastest BIN, fastest runs the suite itself with --json). The
document must:
  * parse, and follow docs/json-report.md's schema (keys and types);
  * list pytest's items, in pytest's order, each with pytest's outcome;
  * list pytest's collection errors;
  * carry pytest's final-line counts and exit status.
Exit 0 when every scenario holds.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SUITES = os.path.join(os.path.dirname(HERE), "junitxml")
sys.path.insert(0, SUITES)
from reporter_harness import environment, parse_args  # noqa: E402
PYTEST = ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider", "-v", "-rA"]
OUTCOME_LINE = re.compile(r"^(\S+::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b")
COLLECT_ERROR_LINE = re.compile(r"^ERROR (\S+)$")
FINAL_COUNT = re.compile(r"(\d+) (failed|passed|skipped|deselected|xfailed|xpassed|warnings?|errors?)")
WORDS = {"PASSED": "passed", "FAILED": "failed", "ERROR": "error", "SKIPPED": "skipped",
         "XFAIL": "xfailed", "XPASS": "xpassed"}

SCENARIOS = [
    ("varied outcomes", "suite", []),
    ("deselection", "suite", ["-k", "not params"]),
    ("exit first", "suite", ["-x"]),
    ("collection errors", "collect_errors", ["--continue-on-collection-errors"]),
    ("interrupted by collection errors", "collect_errors", []),
]

PHASE_KEYS = {"outcome": str, "duration": float, "sections": list}
ITEM_KEYS = {"node_id": str, "outcome": str, "location": (dict, type(None)),
             "node_kind": (str, type(None)), "duration": float, "phases": dict,
             "properties": list}
TOP_KEYS = {"schema": str, "schema_version": int, "fastest_version": str, "rootdir": str,
            "configfile": (str, type(None)), "started": float, "collect_reports": list,
            "collected": int, "deselected": int, "items": list, "warnings": list,
            "summary": dict, "exit_status": int, "duration": float}


def pytest_truth(stdout):
    """Items in order with their outcome, collection errors, final counts."""
    words = {}
    for match in map(OUTCOME_LINE.match, stdout.splitlines()):
        if match:
            words.setdefault(match.group(1), []).append(WORDS[match.group(2)])
    outcomes = {}
    for node_id, seen in words.items():
        outcomes[node_id] = ("failed" if "failed" in seen else "error" if "error" in seen
                             else seen[0])
    collect_errors = [m.group(1) for m in map(COLLECT_ERROR_LINE.match, stdout.splitlines())
                      if m and "::" not in m.group(1)]
    final = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    counts = {}
    for number, word in FINAL_COUNT.findall(final):
        key = {"warning": "warnings", "errors": "error"}.get(word, word)
        counts[key] = int(number)
    return outcomes, collect_errors, counts


def schema_problems(document):
    problems = []

    def check_keys(where, value, keys):
        if not isinstance(value, dict):
            problems.append(f"{where}: not an object")
            return
        for key, kind in keys.items():
            if key not in value:
                problems.append(f"{where}: no {key!r}")
            elif not isinstance(value[key], kind):
                problems.append(f"{where}.{key}: {type(value[key]).__name__}")

    check_keys("document", document, TOP_KEYS)
    if problems:
        return problems
    if document["schema"] != "fastest-report" or document["schema_version"] != 1:
        problems.append("schema/schema_version")
    for item in document["items"]:
        check_keys(f"item {item.get('node_id')}", item, ITEM_KEYS)
        for phase, report in item.get("phases", {}).items():
            if phase not in ("setup", "call", "teardown"):
                problems.append(f"item {item.get('node_id')}: phase {phase!r}")
            check_keys(f"item {item.get('node_id')} {phase}", report, PHASE_KEYS)
    for report in document["collect_reports"]:
        check_keys("collect report", report, {"node_id": str, "outcome": str, "sections": list})
    for warning in document["warnings"]:
        check_keys("warning", warning, {"category": str, "message": str})
    return problems


def run_scenario(args, suite, flags):
    with tempfile.TemporaryDirectory(prefix="fastest-jsonreport-") as root:
        workdir = os.path.join(root, "suite")
        shutil.copytree(os.path.join(SUITES, suite), workdir)
        document_path = os.path.join(root, "report.json")
        events = os.path.join(root, "events.bin")
        recorder = {"FASTEST_EVENTS_FILE": events, "PYTHONPATH": args.python_path or ""}
        pytest = subprocess.run(
            [*PYTEST, *([] if args.fastest else ["-p", "fastest.pytest_mode.report_events"]),
             *flags], cwd=workdir, env=environment(None if args.fastest else recorder),
            capture_output=True, text=True)
        if args.fastest:
            subprocess.run([args.fastest, "-p", "no:cacheprovider", f"--json={document_path}",
                            *flags], cwd=workdir, env=environment(), capture_output=True)
        else:
            replay = subprocess.run([args.replay, args.plugin, events,
                                     f"json_path={document_path}"],
                                    cwd=workdir, capture_output=True, text=True)
            if replay.returncode:
                return [f"replay failed: {replay.stderr}"], 0
        try:
            with open(document_path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            return [f"no valid document: {error}"], 0
        problems = schema_problems(document)
        if problems:
            return problems, 0
        outcomes, collect_errors, counts = pytest_truth(pytest.stdout)
        ours = [(item["node_id"], item["outcome"]) for item in document["items"]]
        if ours != list(outcomes.items()):
            problems.append(f"items: {ours}\n  pytest: {list(outcomes.items())}")
        errors = [r["node_id"] for r in document["collect_reports"] if r["outcome"] == "error"]
        if errors != collect_errors:
            problems.append(f"collection errors {errors}, pytest {collect_errors}")
        summary = {key: value for key, value in document["summary"].items() if value}
        if summary != counts:
            problems.append(f"summary {summary}, pytest's final line {counts}")
        if document["exit_status"] != pytest.returncode:
            problems.append(f"exit status {document['exit_status']}, pytest {pytest.returncode}")
        return problems, len(ours)


def main() -> int:
    args = parse_args(__doc__)
    matched = items = 0
    for name, suite, flags in SCENARIOS:
        problems, item_count = run_scenario(args, suite, flags)
        matched += not problems
        items += item_count
        print(f"{'ok  ' if not problems else 'DIFF'} {name} ({' '.join(flags)}): "
              f"{item_count} items")
        for problem in problems[:10]:
            print("    " + problem.replace("\n", "\n    "))
    print(f"{matched}/{len(SCENARIOS)} scenarios, {items} items: the JSON report agrees with pytest")
    return 0 if matched == len(SCENARIOS) else 1


if __name__ == "__main__":
    sys.exit(main())
