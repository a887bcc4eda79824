"""pytest-xdist's fixtures, for a run where pytest would load xdist.

Suites use ``worker_id`` to give each worker a resource of its own (a
database, a port, a folder). xdist answers from its worker's configuration
(``config.workerinput``): the worker's name, or "master" in a process that
is not a worker (plain ``pytest``, ``-n 0``); fastest's workers have it
too (fastest/xdist_worker.py).
"""
from __future__ import annotations

import pytest

from ..xdist_worker import is_worker


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """The worker's name ("gw0", "gw1"...), or "master" outside workers."""
    config = request.config
    return config.workerinput["workerid"] if is_worker(config) else "master"


@pytest.fixture(scope="session")
def testrun_uid(request) -> str:
    """The run's id, the same in every worker (a new one each run)."""
    config = request.config
    if is_worker(config):
        return config.workerinput["testrunuid"]
    import uuid

    return uuid.uuid4().hex
