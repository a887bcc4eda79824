"""What pytest-xdist gives a worker's configuration, for fastest's workers.

An xdist worker's config has ``workerinput`` (its name, the number of
workers, the run's id, the command line) and ``workeroutput`` (what it
hands back); the controller's has neither. Code that must tell them apart
asks ``hasattr(config, "workerinput")``: xdist's ``worker_id`` and
``testrun_uid`` fixtures, pytest's cache plugins (which leave --lf's
record and stepwise's to the controller, which hears every report), suites'
own checks. A forked worker of either engine gets both attributes before it
runs anything, from the variables core/worker/fork.c set for it, so those
checks answer as under xdist.
"""
from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def become_worker(config: Any) -> None:
    config.workerinput = {
        "workerid": os.environ["PYTEST_XDIST_WORKER"],
        "workercount": int(os.environ["PYTEST_XDIST_WORKER_COUNT"]),
        "testrunuid": os.environ["PYTEST_XDIST_TESTRUNUID"],
        "mainargv": list(sys.argv),
    }
    config.workeroutput = {}


def is_worker(config: Any) -> bool:
    return hasattr(config, "workerinput")
