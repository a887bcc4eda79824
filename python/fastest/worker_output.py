"""A worker's session end prints nothing: what pytest_sessionfinish and
pytest_unconfigure write there goes nowhere, as pytest-xdist's workers'
output does. The process that reports ends the session too and prints it
once, where pytest does."""
from __future__ import annotations

import contextlib
import os
import sys

from .xdist_worker import is_worker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ContextManager, Iterator


def session_end_output(config: Any) -> ContextManager[None]:
    """Around a session end's hooks: dropped() in a worker, nothing
    elsewhere."""
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


__all__ = ["dropped", "session_end_output"]
