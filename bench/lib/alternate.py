"""Run several commands in turn, round after round, so that drift in the
machine (thermal, cache, other load) spreads over all of them instead of
favouring whichever ran first. Each round rotates the starting command."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Sequence

from .measure import Measurement, run_measured


@dataclass
class Command:
    name: str
    argv: Sequence[str]
    env: Optional[Mapping[str, str]] = None
    # Called before every run of this command (warm-up included): e.g. to
    # remove a cache for a cold measurement.
    before: Optional[Callable[[], None]] = None


def run_alternating(commands: Sequence[Command], cwd: Path, runs: int, warmup: int = 1,
                    timeout: float = 600.0) -> Dict[str, List[Measurement]]:
    """Returns name -> the `runs` timed measurements of that command. The
    `warmup` untimed rounds come first (they let Python write .pyc files and
    the page cache fill, as in real repeated use)."""
    results: Dict[str, List[Measurement]] = {c.name: [] for c in commands}
    for round_index in range(warmup + runs):
        shift = round_index % len(commands)
        for command in list(commands[shift:]) + list(commands[:shift]):
            if command.before is not None:
                command.before()
            measurement = run_measured(command.argv, cwd, command.env, timeout)
            if round_index >= warmup:
                results[command.name].append(measurement)
    return results
