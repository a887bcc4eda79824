"""The items a ``pytest_collection_modifyitems`` hook took away, as either
engine hands them to the core after the items to run: deselected through
``config.hook.pytest_deselected`` (counted as deselected), or dropped from
the list without it (counted in pytest's "collected N items" all the
same). Neither runs."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Sequence


def dropped_items(built: Sequence[Any], kept: Sequence[Any], deselected: Sequence[Any]) -> List[Any]:
    """The items of ``built`` (what collection made) that are neither in
    ``kept`` (what the hooks left to run) nor ``deselected``, in order."""
    accounted = {id(item) for item in kept} | {id(item) for item in deselected}
    return [item for item in built if id(item) not in accounted]


def removed_item_dicts(deselected: Sequence[Any], dropped: Sequence[Any]) -> List[dict]:
    """The core's ``{"node_id", "path", "deselected" | "dropped": True}``
    dicts for them, the deselected first."""
    return [
        {"node_id": item.nodeid, "path": item.nodeid.partition("::")[0], flag: True}
        for flag, items in (("deselected", deselected), ("dropped", dropped))
        for item in items
    ]
