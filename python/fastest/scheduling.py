"""What the core's worker pool reads from an item, for either engine's
items: the group ``--dist loadgroup`` keeps on one worker and the item's
own time limit (xdist_group.py, timeout_mark.py), and whether it shares
fixture state with its neighbours, which keeps its unit on one worker."""
from __future__ import annotations

from .timeout_mark import mark_timeout
from .xdist_group import mark_group

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict


# Fixture scopes whose one instance serves several items of a module:
# split across workers, each would make its own, as pytest never does.
# (A session fixture is one per worker whatever the split.)
_SHARED_SCOPES = ("class", "module", "package")


def scheduling_facts(item: Any, timeout_marks: bool) -> Dict[str, Any]:
    """``{"xdist_group": str, "timeout": float, "shares_fixtures": True}``,
    each only when it applies (the engines' item dicts carry them).
    ``timeout_marks``: whether a ``timeout`` mark limits its test, as it
    does when pytest-timeout is loaded or fastest's --timeout is given;
    otherwise the mark is just a mark, as it is to pytest."""
    facts: Dict[str, Any] = {}
    closest: Dict[str, Any] = {}
    for mark in item.iter_markers():  # one walk of the chain, nearest first
        closest.setdefault(mark.name, mark)
    if "xdist_group" in closest:
        facts["xdist_group"] = mark_group(closest["xdist_group"])
    timeout = mark_timeout(closest["timeout"]) if timeout_marks and "timeout" in closest else None
    if timeout is not None:
        facts["timeout"] = timeout
    if _shares_fixtures(item):
        facts["shares_fixtures"] = True
    return facts


def _shares_fixtures(item: Any) -> bool:
    """Whether the item uses a class-, module- or package-scoped fixture
    (xunit setup_module/setup_class are such fixtures under both engines),
    or is a unittest method (its class's setUpClass state)."""
    if type(item).__name__ == "TestCaseFunction":
        return True
    info = getattr(item, "_fixtureinfo", None)
    for definitions in getattr(info, "name2fixturedefs", {}).values():
        if definitions and _scope_name(definitions[-1]) in _SHARED_SCOPES:
            return True
    return False


def _scope_name(definition: Any) -> str:
    """pytest's FixtureDef.scope is a name; the native engine's is an
    index, its name ``scope_name``."""
    scope = definition.scope
    return scope if isinstance(scope, str) else definition.scope_name
