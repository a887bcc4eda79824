"""pytest's faulthandler plugin: for the whole session, a crash (a
segfault in an extension, a fatal error) writes every thread's Python
stack to stderr, through a copy of it made before the output capture takes
descriptor 2; with ``faulthandler_timeout`` (ini), an item that runs longer
has its stacks written there too. ``-p no:faulthandler`` switches it off."""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class FaultHandler:
    def __init__(self, config: Any) -> None:
        self.on = not config.blocks_plugin("faulthandler")
        self.timeout = float(config.getini("faulthandler_timeout") or 0.0) if self.on else 0.0
        self._stderr: Optional[Any] = None

    def start(self) -> None:
        """Enable it, writing to a copy of the session's stderr."""
        if not self.on:
            return
        import faulthandler

        self._stderr = open(os.dup(2), "w")
        faulthandler.enable(file=self._stderr)

    def item_started(self) -> None:
        if self.timeout > 0:
            import faulthandler

            faulthandler.dump_traceback_later(self.timeout, file=self._stderr)

    def item_finished(self) -> None:
        if self.timeout > 0:
            import faulthandler

            faulthandler.cancel_dump_traceback_later()
