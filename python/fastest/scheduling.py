"""What the core's worker pool reads from an item's marks, for either
engine's items: the group ``--dist loadgroup`` keeps on one worker and the
item's own time limit (xdist_group.py, timeout_mark.py)."""
from __future__ import annotations

from .timeout_mark import timeout_of
from .xdist_group import xdist_group

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict


def scheduling_facts(item: Any) -> Dict[str, Any]:
    """``{"xdist_group": str, "timeout": float}``, each only when the
    item's marks set it (the engines' item dicts carry them)."""
    facts: Dict[str, Any] = {}
    group = xdist_group(item)
    if group is not None:
        facts["xdist_group"] = group
    timeout = timeout_of(item)
    if timeout is not None:
        facts["timeout"] = timeout
    return facts
