"""Warnings recorded per test phase, as ``_pytest/warnings.py`` does.

Interface used by the engine core::

    catch_phase(*, filters: list[str], mark_filters: list[str], nodeid: str,
                when: str, rootdir: str) -> ContextManager[list[dict]]

        ``filters`` are the ``-W`` options and ini ``filterwarnings`` lines in
        pytest's precedence (ini first, then command line);
        ``mark_filters`` come from ``@pytest.mark.filterwarnings`` marks,
        the nearest mark last.  Entering yields a list that, on exit, holds
        one event dict per recorded warning::

            {"kind": "warning", "node_id": nodeid,
             "warning_message": "path:lineno: Category: message\\n  source",
             "warning_category": "DeprecationWarning"}

        Filters of the ``error`` action turn warnings into exceptions inside
        the block, as in pytest.
"""
