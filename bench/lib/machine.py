"""What a benchmark ran on: cores, CPU model, memory, OS, tool versions."""
from __future__ import annotations

import os
import platform
import subprocess
from typing import Dict


def _first(path: str, prefix: str) -> str:
    try:
        with open(path) as source:
            for line in source:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _debian_version() -> str:
    try:
        with open("/etc/debian_version") as source:
            return "Debian " + source.read().strip()
    except OSError:
        return platform.platform()


def _version(argv) -> str:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


def load_average() -> str:
    """The 1-minute load average: other work on the machine skews timings."""
    try:
        with open("/proc/loadavg") as source:
            return source.read().split()[0]
    except OSError:
        return "unknown"


def describe_machine() -> Dict[str, str]:
    mem_kib = _first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cores": str(os.cpu_count()),
        "cpu": _first("/proc/cpuinfo", "model name"),
        "memory": f"{int(mem_kib) / (1024 * 1024):.1f} GiB" if mem_kib.isdigit() else "unknown",
        "os": _debian_version(),
        "kernel": platform.release(),
        "python": _version(["/usr/bin/python3", "--version"]),
        "pytest": _version(["/usr/bin/python3", "-m", "pytest", "--version"]),
        "load_at_start": load_average(),
    }


def one_line(machine: Dict[str, str]) -> str:
    return (f"{machine['cores']} cores ({machine['cpu']}), {machine['memory']} RAM, "
            f"{machine['os']}, kernel {machine['kernel']}, {machine['python']}, {machine['pytest']}"
            + (f"; load average {machine['load_at_start']} at start, {machine['load_at_end']} at end"
               if "load_at_end" in machine else ""))
