"""Output capture per test phase (pytest's ``--capture=fd|sys|no``).

Interface used by the engine core::

    from fastest.capture import CaptureManager

    manager = CaptureManager("fd")   # or "sys", "no" (-s), "tee-sys"
    manager.start()                  # once per session/worker
    with manager.phase() as captured:    # one setup/call/teardown phase
        ...run the phase...
    captured.out, captured.err       # text captured during that phase
    with manager.suspended(): ...    # let the engine print
    manager.stop()                   # restores the real streams

Fixtures ``capsys``, ``capsysbinary``, ``capfd``, ``capfdbinary`` live in
``fastest.capture.fixtures``; they need the manager of the running session,
which the engine registers with ``fastest.capture.fixtures.use_manager``.
"""
