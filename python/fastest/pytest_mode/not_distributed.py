"""pytest-xdist's -n and --dist choose fastest's strategy, never pytest's.

With pytest-xdist installed those options parse as its own (own_options.py
leaves them to it). This plugin makes the run undistributed to pytest and
its plugins from the start: pytest-xdist stays loaded (its fixtures work)
but never starts workers of its own, and pytest-cov, which picks how to
measure from these options while the initial conftests load, measures as
in one process (fastest's workers carry that on: coverage_in_workers.py).
"""
from __future__ import annotations

from typing import Any, Generator

import pytest


def _undistribute(option: Any) -> None:
    if hasattr(option, "dist"):
        option.dist = "no"
    if hasattr(option, "numprocesses"):
        option.numprocesses = None


class NotDistributed:
    # A wrapper: pytest-cov's implementation is tryfirst too.
    @pytest.hookimpl(hookwrapper=True)
    def pytest_load_initial_conftests(self, early_config: Any) -> Generator[None, None, None]:
        _undistribute(early_config.known_args_namespace)
        yield

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: Any) -> None:
        _undistribute(config.option)


__all__ = ["NotDistributed"]
