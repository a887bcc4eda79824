"""The exit status as pytest's session holds it when the session ends
(``session.exitstatus``, what pytest_sessionfinish and
pytest_terminal_summary are given), for either engine: an ExitCode, but 0
(pytest's ``doit() or 0``) and a code pytest.exit() gave outside
ExitCode's."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def as_pytest_holds(status: int, exit_code: type) -> Any:
    """``status`` as pytest holds it; ``exit_code`` is the ExitCode class
    the suite's ``pytest`` module has (fastest's light one, or pytest's)."""
    try:
        return exit_code(status) if status else 0
    except ValueError:
        return status
