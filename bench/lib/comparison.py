"""One scenario's measurements of several tools, summarised for reports:
the shape every report and chart in bench/ reads (and the JSON it writes).

    summarise(name, description, measurements, argv, reference) -> dict

`measurements` is alternate.run_alternating's result; `reference` names the
tool whose outcomes are the truth (pytest): every other tool's summary
counts and exit codes are compared with its, run by run.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Sequence

from .measure import Measurement
from .outcomes import describe, summary_counts
from .stats import spread


def _tool_summary(runs: List[Measurement], argv: Sequence[str]) -> dict:
    wall = spread([m.wall_s for m in runs])
    rss = [m.peak_rss_kib / 1024 for m in runs]
    return {
        "argv": list(argv),
        "wall_s": [round(m.wall_s, 4) for m in runs],
        "median_s": wall.median,
        "min_s": wall.low,
        "max_s": wall.high,
        "peak_rss_mib": round(max(rss), 1),
        "median_rss_mib": round(spread(rss).median, 1),
        "max_processes": max(m.max_processes for m in runs),
        "exit_codes": [m.exit_code for m in runs],
        "timed_out": any(m.timed_out for m in runs),
        "counts": summary_counts(runs[0].stdout),
    }


def _outcome_check(tool: dict, runs: List[Measurement], truth: dict) -> str:
    """'same', or what differs from the reference tool's first run."""
    problems = []
    for index, run in enumerate(runs):
        counts = summary_counts(run.stdout)
        if counts != truth["counts"]:
            problems.append(f"run {index + 1}: {describe(counts)} (pytest: {describe(truth['counts'])})")
            break
    if tool["exit_codes"] != [truth["exit_codes"][0]] * len(runs):
        problems.append(f"exit codes {tool['exit_codes']} (pytest: {truth['exit_codes'][0]})")
    if tool["timed_out"]:
        problems.append("timed out")
    return "same" if not problems else "; ".join(problems)


def summarise(name: str, description: str, measurements: Mapping[str, List[Measurement]],
              argv: Mapping[str, Sequence[str]], reference: str = "pytest") -> dict:
    tools: Dict[str, dict] = {tool: _tool_summary(runs, argv[tool]) for tool, runs in measurements.items()}
    truth = tools[reference]
    for tool, runs in measurements.items():
        tools[tool]["outcomes"] = "reference" if tool == reference else _outcome_check(tools[tool], runs, truth)
    return {"name": name, "description": description, "tests": sum(truth["counts"].values()), "tools": tools}
