"""The ``timeout`` mark, read as pytest-timeout reads it, for either
engine's items: the seconds a test may run before its worker is stopped
(fastest enforces it where it enforces ``--timeout``: in the worker
strategies), 0 for none; the mark wins over ``--timeout``."""
from __future__ import annotations

# fastest enforces this mark, so it registers it as pytest-timeout's
# pytest_configure does (no "unknown mark" warning), in its words.
MARKER_LINE = (
    "timeout(timeout, method=None, func_only=False): Set a timeout, timeout "
    "method and func_only evaluation on just one test item.  The first "
    "argument, *timeout*, is the timeout in seconds while the keyword, "
    "*method*, takes the same values as the --timeout_method option. The "
    "*func_only* keyword, when set to True, defers the timeout evaluation "
    "to only the test function body, ignoring the time it takes when "
    "evaluating any fixtures used in the test."
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


def mark_timeout(mark: Any) -> Optional[float]:
    """A ``timeout`` mark's seconds (its first argument or ``timeout=``);
    None when it sets none or a value that is not a number."""
    value = mark.args[0] if mark.args else mark.kwargs.get("timeout")
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
