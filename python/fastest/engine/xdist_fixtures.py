"""pytest-xdist's fixtures, for a run where pytest would load xdist.

Suites use ``worker_id`` to give each worker a resource of its own (a
database, a port, a folder). xdist answers from its worker's configuration
(``config.workerinput``): the worker's name, or "master" in a process that
is not a worker (plain ``pytest``, ``-n 0``). In one of fastest's workers
the engine keeps the same facts in ``config.fastest_worker``
(Session.after_fork).
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """The worker's name ("gw0", "gw1"...), or "master" outside workers."""
    worker = request.config.fastest_worker
    return "master" if worker is None else worker["workerid"]


@pytest.fixture(scope="session")
def testrun_uid(request) -> str:
    """The run's id, the same in every worker (a new one each run)."""
    worker = request.config.fastest_worker
    if worker is not None:
        return worker["testrunuid"]
    import uuid

    return uuid.uuid4().hex
