"""Failure text exactly as pytest 7.2 prints it (``report.longrepr``).

Interface used by the engine core::

    render_failure(exc: BaseException, *, style: str, showlocals: bool,
                   rootdir: str, verbosity: int,
                   cut_frames: Callable | None = None,
                   width: int = 80) -> dict

        ``style`` is the ``--tb`` value (auto/long/short/line/native/no).
        ``cut_frames`` is the test function (the item's ``obj``); the
        traceback is cut to start at its code, as pytest's
        ``Function._prunetraceback`` does.  ``None`` for failures that do not
        belong to a function (collection).  ``width`` is the terminal width
        used for the ``_ _ _`` separators between entries.

        Returns ``{"longrepr": str, "crash_path": str, "crash_line": int,
        "crash_message": str}``: ``longrepr`` is the text pytest writes under
        the ``____ name ____`` header, ``crash_*`` is ``longrepr.reprcrash``
        (absolute path, 1-based line, the message used by the short summary
        ``FAILED id - message`` and by ``--tb=line``).

    render_collect_error(exc: BaseException, *, path: str, style: str,
                         rootdir: str, verbosity: int = 0,
                         width: int = 80) -> dict

        Same keys, for an exception raised while importing the test module at
        ``path``: ``ImportError while importing test module ...`` text, syntax
        errors, and other exceptions as pytest shows them in ERRORS.
"""
