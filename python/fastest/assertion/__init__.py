"""Assertion rewriting: pytest 7.2's assertion introspection, done by fastest.

The engine compiles test modules, conftest files and modules registered for
rewriting (see :mod:`.selection`) through :func:`.pyc_cache.load_or_rewrite`,
which rewrites their ``assert`` statements (:mod:`.rewrite`) so that a failing
assert raises ``AssertionError`` with pytest's explanation text, word for word.
The rewritten code calls the helpers of :mod:`.runtime` at run time; the run's
verbosity (``-v`` count) reaches them through
:func:`fastest.assertion.runtime.set_verbosity`.
"""
