"""The exit code of a run something interrupted, for either engine's
interruption (a KeyboardInterrupt, pytest.exit()): pytest's
ExitCode.INTERRUPTED, or the returncode pytest.exit() was given."""
from __future__ import annotations

INTERRUPTED = 2


def interruption_exit_status(cause: BaseException) -> int:
    returncode = getattr(cause, "returncode", None)  # pytest.exit()'s Exit has one
    return INTERRUPTED if returncode is None else returncode
