"""A PNG chart of speedups against pytest, with Debian's python3-matplotlib
(imported only when a chart is asked for)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence

INSTALL_HINT = "apt-get install python3-matplotlib"


def matplotlib_missing() -> Optional[str]:
    """None when matplotlib imports; otherwise what to tell the user."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return f"no PNG chart: matplotlib is missing; install it with `{INSTALL_HINT}`"
    return None


def speedup_chart(scenarios: List[dict], tools: Sequence[str], reference: str, path: Path, title: str) -> None:
    """Horizontal grouped bars: for each scenario, how many times faster than
    `reference` each of `tools` is (log scale; the line at 1× is pytest).
    A bar is hatched when that tool's outcomes differed from the reference's."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [s["name"] for s in scenarios]
    height = 0.8 / max(1, len(tools))
    figure, axes = plt.subplots(figsize=(9, 0.45 * len(names) * max(1, len(tools)) / 2 + 1.5))
    for index, tool in enumerate(tools):
        values = [s["tools"][reference]["median_s"] / s["tools"][tool]["median_s"] for s in scenarios]
        positions = [row + index * height for row in range(len(names))]
        bars = axes.barh(positions, values, height=height, label=tool)
        for bar, scenario in zip(bars, scenarios):
            if scenario["tools"][tool]["outcomes"] not in ("same", "reference"):
                bar.set_hatch("xx")  # outcomes differ from the reference's: not a fair time
    axes.set_yticks([row + height * (len(tools) - 1) / 2 for row in range(len(names))])
    axes.set_yticklabels(names)
    axes.invert_yaxis()
    axes.set_xscale("log")
    axes.axvline(1.0, color="black", linewidth=0.8)
    axes.set_xlabel(f"times faster than {reference} (median wall time; >1 is faster; "
                    "hatched: outcomes differ from pytest's)")
    axes.set_title(title, fontsize=9)
    axes.legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
