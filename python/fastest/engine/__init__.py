"""fastest's native engine: runs pytest test modules with pytest 7.2.1's
semantics without importing pytest.

Interface (called by the C core, core/python/engine.c)::

    from fastest.engine import Session
    session = Session(config)
        config: {"rootdir": abs path, "inifile": rootdir-relative name or None,
                 "ini": {key: str | [str]}, "options": {pytest dest: [str]},
                 "option_table": [[[option names], dest, kind]],
                 "fixture_modules": [dotted module names],
                 "served_internals": {_pytest module name: [names]}}
        The option table holds every option pytest knows, kind one of
        "flag", "count", "int", "float", "list", "text": how the dest's
        strings become its value.
        Installs the light ``pytest`` module (fastest.pytest_api), the
        _pytest modules that serve its names (served_internals.py) and the
        assert-rewriting import hook; registers fastest.capture.fixtures,
        the fixture modules (their ``fastest_wrap_phase(item, when)``
        wraps every phase in the generator it returns, or in nothing when
        it returns None) and ``pytestconfig`` as session-level fixtures.

    items = session.collect(paths)
        paths: rootdir-relative test files. Imports them and their conftest
        chain and returns, in pytest's run order (reorder_items applied per
        call), one dict per item: {"node_id", "path" (its file), "node_kind"},
        with, when -k or -m asks for them, "marks": [names, nearest first]
        and "keywords": [names -k matches], and "xdist_group" and "timeout"
        when its marks set them; then, for the items a conftest's
        pytest_collection_modifyitems took away, {"node_id", "path"} with
        "deselected": True (it called pytest_deselected) or "dropped":
        True (it did not). Each file is collected once: asking for it
        again returns nothing more.

    events = session.collection_events()
        The ``collect_report`` events (collection errors, module-level
        skips) and ``warning`` events collection made and not handed out
        yet, in the order they happened; ``run()`` emits any left before
        its items.

    stop = session.run(node_ids, emit)
        Runs those items in order, calling ``emit(event)`` per
        docs/engine-events.md: item_start, test_report (setup, call,
        teardown), item_finish, warning. The teardown of the batch's last
        item is deferred to the next run() or finish(), when the next item
        is known. Returns True when the run must stop (-x/--maxfail reached,
        KeyboardInterrupt or pytest.exit(); then ``session.interrupted``
        holds the exception).

    status = session.finish(emit)
        Finishes the deferred teardown and tears down every remaining scope,
        then ends the session: the conftests' pytest_sessionfinish (a
        worker's output dropped). Returns pytest's exit status, which they
        may have changed (session.exitstatus).

    status = session.finish_elsewhere(exitstatus, testsfailed, emit)
        Instead of finish(), in the process whose items ran in workers or
        not at all: pytest_sessionfinish with the run's exit status and
        count of failures, as the core made them.

    printed = session.finish_collection(node_ids)
        The items left once the core's selection (-k, -m, --deselect,
        --lf, ...) is done, in run order, when a conftest has session
        hooks: pytest's session.items and testscollected; then the
        conftests' pytest_collection_finish, returning what they printed.

    session.unconfigure()
        The conftests' pytest_unconfigure, once the run's report is out
        (after finish() in a worker).

    specs = session.conftest_options()
        The options the initial conftests' ``pytest_addoption`` added that
        fastest's command-line parser can parse (option_parser.py), one dict
        each; the C core asks through ``option_probe.conftest_option_specs``
        (in a forked child) before it chooses the engine. Their values come
        back in "options" as raw strings under their dest, like every
        option, and the engine types them.

    kinds = session.before_workers()
        Called by core/worker once, in the process that forks the workers,
        before the first fork: what they share is made here. Returns the
        kinds of the workers' events this process must hear (replay).

    session.replay(event)
        In the process that forked the workers: a worker's event of one of
        those kinds, heard by the conftests' pytest_runtest_logreport,
        logstart or logfinish as pytest-xdist's controller hears its
        workers'.

    session.after_fork()
        Called by core/worker in a freshly forked worker before it runs
        anything: what the process shared with its parent (output capture
        files) becomes its own.

Skip reports carry pytest's triple: ``skip_path`` is absolute (pytest's
report.longrepr[0]); the reporter makes it relative for display.

Also ``install_import_hook(python_files, initial_paths)`` (see importing.py).
"""
from .importing import install_import_hook
from .session import Session

__all__ = ["Session", "install_import_hook"]
