"""pytest's item reordering (``_pytest/fixtures.py: reorder_items``): items
sharing a parameter of a session/package/module/class-scoped parametrized
fixture are grouped, so that each parameter value is set up once."""
from __future__ import annotations

import os
from collections import deque

from . import scope as scopes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Iterator, List, Sequence, Tuple


def _parametrized_keys(item) -> Iterator[Tuple[int, tuple]]:
    """(scope, key) for each parameter of ``item`` above function scope,
    in argument name order (pytest's get_parametrized_fixture_keys, all
    scopes in one pass)."""
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return
    for argname, param_index in sorted(callspec.indices.items()):
        scope = callspec._arg2scope[argname]
        if scope == scopes.SESSION:
            yield scope, (argname, param_index)
        elif scope == scopes.PACKAGE:
            yield scope, (argname, param_index, os.path.dirname(item.path_str))
        elif scope == scopes.MODULE:
            yield scope, (argname, param_index, item.path_str)
        elif scope == scopes.CLASS:
            yield scope, (argname, param_index, item.path_str, item.cls)


def reorder_items(items: Sequence) -> List:
    argkeys_cache: Dict[int, Dict[object, Dict[tuple, None]]] = {scope: {} for scope in scopes.HIGH_SCOPES}
    items_by_argkey: Dict[int, Dict[tuple, deque]] = {scope: {} for scope in scopes.HIGH_SCOPES}
    for item in items:
        for scope, key in _parametrized_keys(item):
            argkeys_cache[scope].setdefault(item, {})[key] = None
            items_by_argkey[scope].setdefault(key, deque()).append(item)
    if not any(argkeys_cache.values()):
        return list(items)  # nothing parametrized above function scope: order kept
    return list(_reorder_at_scope(dict.fromkeys(items), argkeys_cache, items_by_argkey, scopes.SESSION))


def _fix_cache_order(item, argkeys_cache, items_by_argkey) -> None:
    for scope in scopes.HIGH_SCOPES:
        for key in argkeys_cache[scope].get(item, []):
            items_by_argkey[scope][key].appendleft(item)


def _reorder_at_scope(items: Dict, argkeys_cache, items_by_argkey, scope: int) -> Dict:
    if scope == scopes.FUNCTION or len(items) < 3:
        return items
    ignore: set = set()
    items_deque = deque(items)
    items_done: Dict = {}
    scoped_items_by_argkey = items_by_argkey[scope]
    scoped_argkeys_cache = argkeys_cache[scope]
    while items_deque:
        no_argkey_group: Dict = {}
        slicing_argkey = None
        while items_deque:
            item = items_deque.popleft()
            if item in items_done or item in no_argkey_group:
                continue
            argkeys = dict.fromkeys(k for k in scoped_argkeys_cache.get(item, []) if k not in ignore)
            if not argkeys:
                no_argkey_group[item] = None
            else:
                slicing_argkey, _ = argkeys.popitem()
                matching = [i for i in scoped_items_by_argkey[slicing_argkey] if i in items]
                for i in reversed(matching):
                    _fix_cache_order(i, argkeys_cache, items_by_argkey)
                    items_deque.appendleft(i)
                break
        if no_argkey_group:
            no_argkey_group = _reorder_at_scope(no_argkey_group, argkeys_cache, items_by_argkey, scope - 1)
            for item in no_argkey_group:
                items_done[item] = None
        ignore.add(slicing_argkey)
    return items_done
