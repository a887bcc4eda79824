"""Run one command and measure it: wall time, peak RSS of its whole process
tree (see process_tree for exactly what that is), exit code and output."""
from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Sequence

from .process_tree import TreeSampler

START_ATTEMPTS = 60  # one a second: a concurrent rebuild's relink window


@dataclass
class Measurement:
    wall_s: float
    peak_rss_kib: int
    exit_code: int
    stdout: str
    max_processes: int
    timed_out: bool = False


def run_measured(command: Sequence[str], cwd: Path, env: Optional[Mapping[str, str]] = None,
                 timeout: float = 600.0, interval: float = 0.01) -> Measurement:
    """Runs command in cwd with env (default: this process's environment),
    stdout kept (to a temporary file, so a chatty tool never blocks on a
    full pipe), stderr discarded. Wall time runs from just before the fork
    to the reaping of the process. A run past `timeout` is killed with its
    process group and marked timed_out."""
    with tempfile.TemporaryFile() as out:
        for attempt in range(START_ATTEMPTS):
            start = time.perf_counter()
            try:
                process = subprocess.Popen(list(command), cwd=str(cwd), env=dict(env) if env is not None else None,
                                           stdout=out, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                           start_new_session=True)
                break
            except (FileNotFoundError, PermissionError):
                # A program being relinked by a concurrent build is briefly
                # missing or not yet executable: wait for it rather than
                # lose the whole benchmark.
                if attempt == START_ATTEMPTS - 1:
                    raise
                time.sleep(1.0)
        sampler = TreeSampler(process.pid, interval).start()
        timed_out = False
        deadline = start + timeout
        while True:
            pid, status, _ = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                os.killpg(process.pid, 9)
                pid, status, _ = os.wait4(process.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - start
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read().decode(errors="replace")
    # Not the rusage ru_maxrss: Linux keeps the high-water mark across exec, so
    # it would report this (large) Python process's pages that the forked
    # child held before it exec'd the tool.
    return Measurement(wall_s=wall, peak_rss_kib=sampler.peak_kib(),
                       exit_code=process.returncode, stdout=stdout,
                       max_processes=sampler.max_processes, timed_out=timed_out)
