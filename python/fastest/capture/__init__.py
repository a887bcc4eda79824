"""Output capture per test phase (pytest's ``--capture=fd|sys|no``).

Interface used by the engine core::

    from fastest.capture import CaptureManager

    manager = CaptureManager("fd")   # or "sys", "no" (-s), "tee-sys"
    manager.start()                  # once per session/worker; starts suspended
    with manager.phase() as captured:    # one collection/setup/call/teardown
        ...run the phase...
    captured.out, captured.err       # text captured during that phase
    with manager.suspended(): ...    # let output through (runner printing)
    manager.stop()                   # writes out leftovers, restores streams

With "fd", file descriptors 1 and 2 point at temporary files during a
phase: anything the process writes then, C code included, is captured.
The runner prints (and emits events that make reporters print) between
phases or inside ``suspended()``, after flushing C stdio buffers.

A report section is added only for non-empty text, titled
``Captured stdout <when>`` / ``Captured stderr <when>`` (collection:
``Captured stdout`` without a phase); a phase's report carries the sections
of the item's earlier phases too, as pytest's ``item._report_sections``.

Fixtures ``capsys``, ``capsysbinary``, ``capfd``, ``capfdbinary`` live in
``fastest.capture.fixtures`` (``CaptureFixture``, ``CaptureResult`` too);
they attach to the last started manager and need ``request.raiseerror``.
"""

from fastest.capture.manager import CaptureManager, PhaseOutput

__all__ = ["CaptureManager", "PhaseOutput"]
