"""Markdown and JSON for a list of comparison.summarise() results."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Sequence

from .stats import ratio


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _speedup(value: float) -> str:
    return f"{value:.1f}×" if value >= 1 else f"{value:.2f}×"


def wall_table(scenarios: List[dict], tools: Sequence[str], baselines: Sequence[str], subject: str) -> str:
    """Median wall time (min-max) of every tool per scenario, then how many
    times faster `subject` is than each baseline, then the outcome check."""
    headers = ["scenario", "tests"] + list(tools) + [f"{subject} vs {b}" for b in baselines] + ["outcomes"]
    rows = []
    for s in scenarios:
        cells = [s["name"], str(s["tests"])]
        for tool in tools:
            t = s["tools"][tool]
            cells.append(f"{t['median_s']:.2f}s ({t['min_s']:.2f}–{t['max_s']:.2f})")
        for baseline in baselines:
            cells.append(_speedup(ratio(s["tools"][baseline]["median_s"], s["tools"][subject]["median_s"])))
        differing = [f"**{tool}: {t['outcomes']}**" for tool, t in s["tools"].items()
                     if t["outcomes"] not in ("same", "reference")]
        cells.append("; ".join(differing) if differing else "same")
        rows.append(cells)
    return markdown_table(headers, rows)


def rss_table(scenarios: List[dict], tools: Sequence[str]) -> str:
    """Peak RSS of each tool's whole process tree (largest over the runs)
    and the most processes seen at once."""
    headers = ["scenario"] + list(tools)
    rows = [[s["name"]] + [f"{s['tools'][t]['peak_rss_mib']:.0f} MiB ({s['tools'][t]['max_processes']}p)" for t in tools]
            for s in scenarios]
    return markdown_table(headers, rows)


def write_json(document: dict, path: Path) -> None:
    path.write_text(json.dumps(document, indent=1, sort_keys=False) + "\n")
