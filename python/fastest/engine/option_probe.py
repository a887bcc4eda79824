"""Which options the initial conftests define, asked before the engine is
chosen (core/run/conftest_options.c).

A command line with an option no fastest table knows goes to the pytest
engine, unless a conftest's ``pytest_addoption`` defines it. Finding out
means importing the conftests, under the light ``pytest`` module; if the
pytest engine takes the run after all (an installed plugin's option, a
typo), real pytest must import them afresh. So the conftests are imported
in a forked child, which sends the specs back: this process imports no
user code."""
from __future__ import annotations

import json
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional


def conftest_option_specs(config: Dict[str, Any]) -> Optional[List[Dict[str, Any]]]:
    """The specs of ``Session(config).conftest_options()``, computed in a
    child process; None when the child failed (a conftest that does not
    import: the pytest engine will report it as pytest does)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(config, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    return json.loads(data)


def _child(config: Dict[str, Any], write_end: int) -> None:
    """Never returns: writes the specs as JSON and exits 0, or exits 1."""
    status = 1
    try:
        from .session import Session

        data = json.dumps(Session(config).conftest_options()).encode()
        with os.fdopen(write_end, "wb") as stream:
            stream.write(data)
        status = 0
    finally:
        os._exit(status)
