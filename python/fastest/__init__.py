"""fastest's Python side: the engine that runs pytest suites in-process.

Subpackages:
  engine      -- collection, fixtures, marks and the per-item run protocol
                 (the interface the C core calls: ``fastest.engine.Session``)
  pytest_api  -- the light ``pytest`` module test code imports in native mode
  assertion   -- assert statement rewriting
  capture     -- stdout/stderr capture and the capsys/capfd fixtures
  wire        -- event encoding between worker processes and the parent
  globs       -- shell-style name matching without ``re``

Nothing here is imported eagerly: the C core imports ``fastest.engine`` and
each piece pulls in only what a run needs. A passing run imports no
``typing``, ``re``, ``pathlib``, ``inspect``, ``ast`` or ``traceback``
(each costs milliseconds, more than the engine spends on a small suite):
annotations are strings (``from __future__ import annotations``) and their
names come from ``typing`` under ``TYPE_CHECKING = False`` / ``if
TYPE_CHECKING:``, which type checkers read as true and the run skips; the
rest is imported where a failure, a fixture or the API that needs it is.
"""
