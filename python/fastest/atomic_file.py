"""Files written whole or not at all: concurrent runs (workers, parallel
CI jobs) reading a cache only ever see complete files."""
from __future__ import annotations

import os


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` under a temporary name, renamed into
    place, its folder made when missing. Best effort: a cache that cannot
    be written costs time, never the run."""
    partial = f"{path}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except OSError:
        try:
            os.unlink(partial)
        except OSError:
            pass
