"""A worker prints nothing of what the process that reports prints again:
what pytest_sessionfinish and pytest_unconfigure write at a worker's
session end goes nowhere, as pytest-xdist's workers' output does (and so
does what its report hooks print: CaptureManager.hook_output, with
``dropped`` when no capture holds it). The process that reports ends the
session too, and hears the workers' events again, and prints it once,
where pytest does."""
from __future__ import annotations

import contextlib
import io
import os
import sys

from .xdist_worker import is_worker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ContextManager, Iterator


# The workers' events the process that forked them hears again, as
# pytest-xdist's controller hears its workers', by the hook that hears them
# (the engines' Session.replay).
HEARD_AGAIN = {
    "item_start": "pytest_runtest_logstart",
    "test_report": "pytest_runtest_logreport",
    "item_finish": "pytest_runtest_logfinish",
}


class Nowhere(io.TextIOBase):
    """A text stream that keeps nothing, without a system call per write
    and flush as /dev/null would cost (pytest's terminal reporter, which
    the pytest engine silences, flushes after every report)."""

    def write(self, text: str) -> int:
        return len(text)


def printed_by_parent(config: Any) -> ContextManager[None]:
    """Around hooks whose output the process that reports prints itself:
    dropped() in a worker, nothing elsewhere."""
    return dropped() if is_worker(config) else contextlib.nullcontext()


@contextlib.contextmanager
def dropped() -> Iterator[None]:
    """Descriptors 1 and 2 point at /dev/null meanwhile: whatever writes
    there (Python's streams, a capture writing out what it held, a
    subprocess) and whatever the capture in force (none under -s)."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    null = os.open(os.devnull, os.O_WRONLY)
    saved = [os.dup(1), os.dup(2)]
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for descriptor in (null, *saved):
            os.close(descriptor)


__all__ = ["HEARD_AGAIN", "Nowhere", "dropped", "printed_by_parent"]
