"""A forked worker's own capture files, beneath the objects its parent made.

pytest's fd capture writes descriptors 1 and 2 into temporary files. A
worker forked from the process that started the capture shares those
files' descriptions with its parent and its siblings, which would write
over one another, so it needs files of its own. A new capture would bring
new file objects and leave whatever holds the old ones writing to closed
files: a conftest calling ``logging.basicConfig()`` as it is loaded, under
pytest's global capture, has a handler on pytest's ``sys.stderr`` (the
capture's temporary file), and a pytest-xdist worker, which loads the
conftests itself, has it on its own capture. So the worker keeps every
object and gives each a file of its own beneath it: a fresh temporary file
takes the old one's descriptor (dup2)."""
from __future__ import annotations

import os
from tempfile import TemporaryFile
from typing import Any

from _pytest.capture import FDCaptureBinary


def own_capture_files(capture_manager: Any) -> None:
    """In a freshly forked worker: the global capture's output files made
    the worker's own; the capture ends suspended, as the parent holds it
    between items."""
    capturing = getattr(capture_manager, "_global_capturing", None)
    if capturing is None:
        return
    for fd_capture in (capturing.out, capturing.err):
        if isinstance(fd_capture, FDCaptureBinary):
            _renew(fd_capture.tmpfile)
    capture_manager.suspend_global_capture()


def _renew(tmpfile: Any) -> None:
    with TemporaryFile(buffering=0) as fresh:
        os.dup2(fresh.fileno(), tmpfile.fileno())
    tmpfile.seek(0)
