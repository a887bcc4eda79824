"""The ``flush`` event (docs/engine-events.md) both engines emit before
something is about to write past the output capture (a test under
``capsys.disabled()``, a hook printing between reports): the console
writes out what it holds first, so the terminal shows both in order."""

FLUSH_EVENT = {"kind": "flush"}
