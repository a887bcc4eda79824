"""Parametrize ids, by pytest 7.2's rules (``_pytest/python.py: IdMaker``):
an explicit id (``pytest.param(id=)`` or ``ids=``) wins; else each value
gives a token (an ``ids=`` function's, a conftest's
``pytest_make_parametrize_id``'s, or from the value: str/bytes escaped,
numbers, bool, None, regex pattern, enum, anything with a ``__name__``),
else ``argname`` + index; tokens join with "-"; duplicates get 0, 1, ...
suffixes."""
from __future__ import annotations

import sys

from fastest.pytest_api.marks import NOTSET, ascii_escaped
from fastest.pytest_api.outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, List, Optional, Sequence


class IdMaker:
    def __init__(
        self,
        argnames: Sequence[str],
        parametersets: Sequence[Any],
        idfn: Optional[Callable[[Any], Optional[object]]],
        ids: Optional[Sequence[Optional[object]]],
        config: Any,
        nodeid: Optional[str],
        func_name: Optional[str],
    ) -> None:
        self.argnames = argnames
        self.parametersets = parametersets
        self.idfn = idfn
        self.ids = ids
        self.config = config
        self.escape = not (config is not None and config.getini("disable_test_id_escaping_and_forfeit_all_rights_to_community_support"))
        self.nodeid = nodeid
        self.func_name = func_name

    def make_unique_parameterset_ids(self) -> List[str]:
        resolved = list(self._resolve_ids())
        if len(resolved) != len(set(resolved)):
            counts: dict = {}
            for id_ in resolved:
                counts[id_] = counts.get(id_, 0) + 1
            suffixes: dict = {}
            for index, id_ in enumerate(resolved):
                if counts[id_] > 1:
                    suffix = suffixes.get(id_, 0)
                    resolved[index] = f"{id_}{suffix}"
                    suffixes[id_] = suffix + 1
        return resolved

    def _resolve_ids(self):
        for index, parameterset in enumerate(self.parametersets):
            if parameterset.id is not None:
                yield parameterset.id
            elif self.ids and index < len(self.ids) and self.ids[index] is not None:
                yield self._idval_from_value_required(self.ids[index], index)
            else:
                yield "-".join(
                    self._idval(value, argname, index) for value, argname in zip(parameterset.values, self.argnames)
                )

    def _idval(self, value: object, argname: str, index: int) -> str:
        if self.idfn is not None:
            try:
                generated = self.idfn(value)
            except Exception as exc:
                prefix = f"{self.nodeid}: " if self.nodeid is not None else ""
                raise ValueError(
                    f"{prefix}error raised while trying to determine id of parameter '{argname}' at position {index}"
                ) from exc
            if generated is not None:
                from_fn = self._idval_from_value(generated)
                if from_fn is not None:
                    return from_fn
        if self.config is not None:
            from_hook = self.config.hook.pytest_make_parametrize_id(config=self.config, val=value, argname=argname)
            if from_hook is not None:
                return from_hook
        from_value = self._idval_from_value(value)
        if from_value is not None:
            return from_value
        return f"{argname}{index}"

    def _idval_from_value(self, value: object) -> Optional[str]:
        if isinstance(value, (str, bytes)):
            return ascii_escaped(value) if self.escape else (value if isinstance(value, str) else value.decode("ascii", "backslashreplace"))
        if value is None or isinstance(value, (float, int, bool, complex)):
            return str(value)
        if type(value).__name__ == "Pattern" and type(value).__module__ == "re":
            return ascii_escaped(value.pattern)
        if value is NOTSET:
            return None
        # No value is an Enum before something imported enum: not imported here.
        enum = sys.modules.get("enum")
        if enum is not None and isinstance(value, enum.Enum):
            return str(value)
        name = getattr(value, "__name__", None)
        if isinstance(name, str):
            return name
        return None

    def _idval_from_value_required(self, value: object, index: int) -> str:
        id_ = self._idval_from_value(value)
        if id_ is not None:
            return id_
        if self.func_name is not None:
            prefix = f"In {self.func_name}: "
        elif self.nodeid is not None:
            prefix = f"In {self.nodeid}: "
        else:
            prefix = ""
        fail(
            f"{prefix}ids contains unsupported value {value!r} (type: {type(value)!r}) at index {index}. "
            "Supported types are: str, bytes, int, float, complex, bool, enum, regex or anything with a __name__.",
            pytrace=False,
        )
