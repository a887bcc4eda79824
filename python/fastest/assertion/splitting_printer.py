"""The PrettyPrinter -vv's assertion diffs lay values out with
(saferepr.pformat_split)."""
from __future__ import annotations

import pprint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any, Dict


class AlwaysSplittingPrinter(pprint.PrettyPrinter):
    """A PrettyPrinter that lays containers out one item per line even when they
    would fit on one: diffs of such layouts show which items differ."""

    def _format(  # type: ignore[override]
        self, obj: object, stream: IO[str], indent: int, allowance: int, context: Dict[int, Any], level: int
    ) -> None:
        printer = self._dispatch.get(type(obj).__repr__, None)  # type: ignore[attr-defined]
        if id(obj) in context or printer is None:
            super()._format(obj, stream, indent, allowance, context, level)  # type: ignore[misc]
            return
        context[id(obj)] = 1
        printer(self, obj, stream, indent, allowance, context, level + 1)
        del context[id(obj)]
