"""Summaries of repeated measurements."""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Sequence


@dataclass
class Spread:
    median: float
    low: float
    high: float
    count: int

    def describe(self, unit: str = "s", digits: int = 2) -> str:
        return f"{self.median:.{digits}f}{unit} ({self.low:.{digits}f}-{self.high:.{digits}f})"


def spread(values: Sequence[float]) -> Spread:
    """Median with the min-max range; values must not be empty."""
    return Spread(statistics.median(values), min(values), max(values), len(values))


def ratio(baseline: float, candidate: float) -> float:
    """How many times faster candidate is than baseline (>1: faster)."""
    return baseline / candidate if candidate > 0 else float("inf")
