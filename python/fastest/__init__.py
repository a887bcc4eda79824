"""fastest's Python side: the engine that runs pytest suites in-process.

Subpackages:
  engine      -- collection, fixtures, marks and the per-item run protocol
                 (the interface the C core calls: ``fastest.engine.Session``)
  pytest_api  -- the light ``pytest`` module test code imports in native mode
  assertion   -- assert statement rewriting
  capture     -- stdout/stderr capture and the capsys/capfd fixtures
  wire        -- event encoding between worker processes and the parent

Nothing here is imported eagerly: the C core imports ``fastest.engine`` and
each piece pulls in only what a run needs.
"""
