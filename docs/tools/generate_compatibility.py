#!/usr/bin/python3
"""Writes docs/compatibility.md from the results of the tests that compare
fastest with pytest, so the table says what was actually proven.

    generate_compatibility.py [BUILD_DIR]      (default: build)

It asks meson for the build's tests (`meson introspect BUILD_DIR --tests`),
keeps the comparison tests (those whose name says what they are compared
with: it contains "pytest", "compat" or "iniconfig"), runs each as meson
would (same command, environment and working directory), and writes:
  - one row per comparison: the area it covers, its verdict (identical when
    the test passes) and the summary line the test printed;
  - for tests that print one "ok  SCENARIO" / "FAIL SCENARIO" line per
    scenario (the end-to-end and console comparisons), one row per scenario.
A new comparison test appears in the table without touching this script;
AREAS only gives known tests a human title.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Tuple

DOCS = Path(__file__).resolve().parent.parent
SOURCE = DOCS.parent
COMPARISON = re.compile(r"pytest|compat|iniconfig")
SCENARIO_LINE = re.compile(r"^(ok|FAIL)\s+(.*)$")

# Test name -> (feature area, what it compares). Unknown tests get their
# own name and their script's docstring.
AREAS: Dict[str, Tuple[str, str]] = {
    "cli_vs_pytest": ("Command line", "every flag parsed as pytest's own argparse parser parses it, errors and exit code 4 included"),
    "ini_vs_iniconfig": ("Config files", "INI parsing against iniconfig, pytest's parser"),
    "discovery_vs_pytest": ("Config files", "rootdir and config file discovery against pytest"),
    "discovery matches pytest --co -q": ("Collection", "node ids from static discovery, -k / -m / --deselect, against `pytest --co -q`"),
    "engine-compat": ("Running tests", "per-item outcomes: fixtures, parametrize, classes, marks, module skips, import and parametrize errors"),
    "assertion-compat": ("Assertion rewriting", "assertion failure messages at verbosity 0, 1 and 2"),
    "fixtures-compat": ("Builtin fixtures", "tmp_path, monkeypatch, caplog, recwarn, cache, record_property: fastest's builtin fixtures against pytest's own"),
    "console matches pytest": ("Terminal output", "the console reporter's output for each option set, from replayed events"),
    "rendering-compat": ("Failure rendering", "tracebacks in every --tb style"),
    "capture-compat": ("Output capture", "captured stdout/stderr/log per phase"),
    "warnings-compat": ("Warnings", "warning outcomes and the warnings summary"),
    "junitxml matches pytest": ("JUnit XML", "the XML file byte for byte, from replayed events"),
    "fastest matches pytest end to end": ("End to end", "whole runs of fastest and pytest on the same suites: outcomes, summary, exit code, output"),
    "junitxml end to end matches pytest": ("JUnit XML", "the XML files of whole runs, element by element"),
    "json report agrees with pytest": ("JSON report", "the JSON report's outcomes against pytest's, from replayed events"),
    "json report end to end agrees with pytest": ("JSON report", "the JSON report of whole runs against pytest's outcomes"),
    "every strategy matches pytest": ("Strategies", "the end-to-end scenarios under inprocess, warmworkers and fullparallel"),
    "pytest engine matches pytest": ("pytest engine", "conftest hooks, pytest_plugins, doctests, installed plugins: outcomes, summary and JUnit XML; the two engines A/B"),
    "cache-driven runs match pytest": ("pytest cache", "--lf, --ff, --nf, --sw and the cache files they read and write"),
    "pytest cache json": ("pytest cache", "the cache's JSON files as pytest writes them"),
    "options handed to pytest": ("Command line", "--pdb, --trace, --markers, --fixtures, the setup reports, --cache-show, live logging and log files: pytest's output and exit code"),
    "a conftest that fails to import matches pytest": ("Running tests", "a conftest.py that fails to import: stdout, stderr and exit code"),
    "arguments that collect nothing match pytest": ("Command line", "node ids naming no test (static, decided at import, an import that fails), files no collector takes, directories with node names, missing files: output, usage error and exit code"),
    "tests see the interpreter they see under pytest": ("Running tests", "PYTHONPATH, PYTHONHASHSEED, the locale, sys.executable, a virtualenv's sys.prefix"),
}


def comparison_tests(build: Path) -> List[dict]:
    result = subprocess.run(["meson", "introspect", str(build), "--tests"], capture_output=True, text=True, check=True)
    return [t for t in json.loads(result.stdout) if COMPARISON.search(t["name"])]


def docstring_line(command: List[str]) -> str:
    for word in command:
        if word.endswith(".py") and Path(word).is_file():
            text = Path(word).read_text()
            match = re.search(r'^(?:#[^\n]*\n)*\s*(?:"""|\'\'\')(.+?)(?:\n\n|""")', text, re.S)
            if match:
                return " ".join(match.group(1).split())
    return ""


def run(test: dict, build: Path) -> Tuple[int, str, float]:
    env = dict(os.environ)
    env.update(test.get("env") or {})
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    result = subprocess.run(test["cmd"], cwd=test.get("workdir") or str(build), env=env,
                            capture_output=True, text=True, timeout=max(60, test.get("timeout") or 0) * 2)
    return result.returncode, result.stdout + result.stderr, time.perf_counter() - started


def summary_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip() and not SCENARIO_LINE.match(line)
             and not line.startswith(" ")]
    return lines[-1] if lines else ""


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def git_commit() -> str:
    result = subprocess.run(["git", "-C", str(SOURCE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main() -> int:
    build = Path(sys.argv[1] if len(sys.argv) > 1 else SOURCE / "build").resolve()
    rows, scenario_sections, failures = [], [], 0
    for test in sorted(comparison_tests(build), key=lambda t: AREAS.get(t["name"], ("~", ""))[0]):
        area, compares = AREAS.get(test["name"], (test["name"], docstring_line(test["cmd"])))
        code, output, seconds = run(test, build)
        failures += code != 0
        verdict = "identical" if code == 0 else "**differs**"
        print(f"{verdict:>13}  {test['name']} ({seconds:.1f}s)", file=sys.stderr)
        rows.append(f"| {area} | {cell(compares)} | {verdict} | {cell(summary_line(output))} | `{test['name']}` |")
        scenarios = [SCENARIO_LINE.match(line) for line in output.splitlines()]
        scenarios = [m for m in scenarios if m]
        if scenarios:
            section = [f"### {area}: `{test['name']}`", "", "| scenario | result |", "|---|---|"]
            section += [f"| `{cell(m.group(2))}` | {'identical' if m.group(1) == 'ok' else '**differs**'} |" for m in scenarios]
            scenario_sections += section + [""]
    text = "\n".join([
        "# Compatibility with pytest 7.2",
        "",
        "<!-- Generated by docs/tools/generate_compatibility.py; do not edit. -->",
        "",
        f"Generated on {time.strftime('%Y-%m-%d')} at commit `{git_commit()}` by running every test "
        "that compares fastest with pytest (Debian's pytest 7.2.1, the oracle: nothing here is a "
        "hand-written expectation). \"identical\" means the test passed: fastest's result matched "
        "pytest's in every case it checks. Regenerate with `docs/tools/generate_compatibility.py`.",
        "",
        f"{len(rows) - failures} of {len(rows)} comparisons identical.",
        "",
        "| area | what is compared with pytest | result | the test's summary | test |",
        "|---|---|---|---|---|",
        *rows,
        "",
        "## Per scenario",
        "",
        *scenario_sections,
        "Not covered by any comparison yet, so not claimed: see the user guide's "
        "[What differs from pytest](user-guide.md#what-differs-from-pytest).",
        "",
    ])
    (DOCS / "compatibility.md").write_text(text)
    print(f"wrote {DOCS / 'compatibility.md'}: {len(rows) - failures}/{len(rows)} identical", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
