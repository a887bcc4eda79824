"""The run's events while the "fd" output capture stays on from one item
to the next in the fastest process.

The reporters write to the terminal, so an event may reach them only while
the capture is suspended; suspending and resuming it costs two ``dup2``
per stream, four system calls an item. Held here, the events go out in
bursts instead: at the start of an item once ``interval`` has passed since
the last burst (that item's ``item_start`` with them, so the name of a slow
test shows while it runs), before a test writes past the capture
(``capsys.disabled()``), and when the run ends. A watched terminal gets a
burst at every item's start, as pytest writes; a file or pipe gets one
every ``interval``, which nobody sees."""
from __future__ import annotations

from fastest import clocks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, List, Optional

    Emit = Callable[[dict], None]


class HeldEvents:
    """A ``with`` block around a run's items: ``emit`` takes their events."""

    def __init__(self, capture, emit: Emit, interval: float) -> None:
        self._capture = capture
        self._emit = emit
        self._interval = interval
        self._held: List[dict] = []
        self._due = 0.0
        self._outer_before_terminal_output: Optional[Callable[[], None]] = None

    def __enter__(self) -> "HeldEvents":
        self._capture.hold()
        self._outer_before_terminal_output = self._capture.before_terminal_output
        self._capture.before_terminal_output = self._before_terminal_output
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._capture.release()
        self._capture.before_terminal_output = self._outer_before_terminal_output
        self._send_held()

    def emit(self, event: dict) -> None:
        if event["kind"] == "item_start" and clocks.perf_counter() >= self._due:
            self._capture.release()
            self._send_held()
            self._emit(event)
            self._capture.hold()
            self._due = clocks.perf_counter() + self._interval
        else:
            self._held.append(event)

    def _send_held(self) -> None:
        held, self._held = self._held, []
        for event in held:
            self._emit(event)

    def _before_terminal_output(self) -> None:
        """Called with the capture suspended: what the reporters would have
        written by now goes out before the test's own output."""
        self._send_held()
        if self._outer_before_terminal_output is not None:
            self._outer_before_terminal_output()
