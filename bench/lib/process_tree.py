"""Peak memory of a whole process tree, sampled from /proc.

What is measured, precisely: every `interval` seconds the sampler walks the
tree from the root pid through /proc/PID/task/TID/children and sums VmRSS
(resident set size, shared pages counted in every process that maps them)
over the root and every live descendant. The tree's peak is the largest such
sum. Two blind spots, both stated in the reports:
  - a spike shorter than the interval, or a child that lives less than one
    interval, can be missed; to bound that, `TreeSampler.peak_kib` is never
    below the largest single-process peak (VmHWM) seen for any process.
    (Not the kernel's ru_maxrss: Linux keeps it across exec, so a child
    forked from a large Python process reports that process's size.)
  - forked workers share their parent's pages copy-on-write; RSS counts those
    pages once per process, so a forking tool's figure is an upper bound
    (PSS would split them, but costs far more to read while polling).
"""
from __future__ import annotations

import threading
from typing import Dict, Iterator, Optional


def _status_kib(pid: int) -> Dict[str, int]:
    """VmRSS and VmHWM of one process in KiB; empty when it has gone."""
    values: Dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith((b"VmRSS:", b"VmHWM:")):
                    key, value = line.split(b":", 1)
                    values[key.decode()] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return values


def _children(pid: int) -> Iterator[int]:
    """Direct children of every thread of pid (needs CONFIG_PROC_CHILDREN,
    which Debian's kernels have)."""
    try:
        import os

        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    for child in children.read().split():
                        yield int(child)
            except (FileNotFoundError, ProcessLookupError):
                continue
    except (FileNotFoundError, ProcessLookupError):
        return


def tree_pids(root: int) -> Iterator[int]:
    """root and every live descendant, depth first."""
    stack = [root]
    seen = set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        yield pid
        stack.extend(_children(pid))


class TreeSampler:
    """Polls the tree under `root` on a background thread until stop()."""

    def __init__(self, root: int, interval: float = 0.01) -> None:
        self.root = root
        self.interval = interval
        self.peak_sum_kib = 0
        self.peak_single_kib = 0
        self.max_processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> "TreeSampler":
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        total = 0
        count = 0
        for pid in tree_pids(self.root):
            values = _status_kib(pid)
            if not values:
                continue
            count += 1
            total += values.get("VmRSS", 0)
            self.peak_single_kib = max(self.peak_single_kib, values.get("VmHWM", 0))
        self.peak_sum_kib = max(self.peak_sum_kib, total)
        self.max_processes = max(self.max_processes, count)
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def peak_kib(self) -> int:
        """The tree's peak RSS in KiB, bounded below as the module says."""
        return max(self.peak_sum_kib, self.peak_single_kib)
