"""pytest-cov's measurement carried on in fastest's workers.

Outside pytest-xdist pytest-cov measures centrally: it starts coverage
when pytest is configured and, at the end of pytest_runtestloop, stops and
saves it, combines it with the data files other processes of the run saved
(one each, ".coverage.HOST.PID.RANDOM") and reports. fastest's workers are
forks of the process that configured pytest, which runs that end once they
are done (runtestloop.py): each worker carries on the measurement it
inherited and saves it at its own end, a data file of its own (coverage.py
names a forked process's file anew), so the report combines every line
the items ran, their fixtures' setup and teardown included, as pytest's.

pytest-cov starts a new measurement for each test in a process other than
the one that started the session (for pytest-forked, whose forks end with
their test); a worker is told it is that process, so that it keeps the
one it inherited.
"""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _measuring_plugin(config: Any) -> Any:
    """pytest-cov's plugin when it measures this run, else None."""
    plugin = config.pluginmanager.get_plugin("_cov")
    return plugin if getattr(plugin, "cov_controller", None) is not None else None


def measure_in_worker(config: Any) -> None:
    """In a freshly forked worker, before its first item."""
    plugin = _measuring_plugin(config)
    if plugin is not None:
        plugin.pid = os.getpid()


def save_worker_measurement(config: Any) -> None:
    """At a worker's end: its data file, for the parent to combine."""
    plugin = _measuring_plugin(config)
    if plugin is not None:
        plugin.cov_controller.cov.stop()
        plugin.cov_controller.cov.save()


__all__ = ["measure_in_worker", "save_worker_measurement"]
