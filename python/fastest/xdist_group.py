"""The ``xdist_group`` mark: the group an item belongs to under ``--dist
loadgroup``, for either engine's items, and the mark's registration."""
from __future__ import annotations

# fastest schedules by this mark, so it registers it as pytest-xdist's
# pytest_configure does (no "unknown mark" warning), in xdist's words.
MARKER_LINE = (
    "xdist_group: specify group for tests should run in same session."
    "in relation to one another. Provided by pytest-xdist."
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def mark_group(mark: Any) -> str:
    """An ``xdist_group`` mark's group, read as pytest-xdist reads it: its
    first argument, else its ``name``, else "default"."""
    return str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
