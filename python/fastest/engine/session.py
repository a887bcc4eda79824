"""The engine session: the object the C core drives (see the package
docstring for the interface). It owns the config, the fixture registry, the
node tree built so far, the setup stack and the deferred teardown."""
from __future__ import annotations

import contextlib
import io
import os
import sys

from fastest.pytest_api import UsageError

from .config import Config
from .conftests import ConftestRegistry
from .fault_handler import FaultHandler
from .fixtures import FixtureManager
from .held_events import HeldEvents
from .hooks import run_hook
from .introspection import is_async_function
from .nodes import Session as SessionNode
from .pytest_internals import watch_pytest_internals
from .runner import NEXT_UNKNOWN, Interrupted, ItemRunner
from .setupstate import SetupState
from .. import clocks
from ..flush_event import FLUSH_EVENT
from ..hook_lines import terminal_lines
from ..interruption import interruption_exit_status
from ..removed_items import removed_item_dicts
from ..scheduling import scheduling_facts
from ..session_exit_status import as_pytest_holds
from ..worker_output import HEARD_AGAIN, printed_by_parent
from ..xdist_worker import become_worker, is_worker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

    Emit = Callable[[dict], None]


def _is_hypothesis_test(item) -> bool:
    return getattr(getattr(item, "obj", None), "is_hypothesis_test", False)


def _plugin_hint_of(item) -> Optional[str]:
    """Why this item may need an installed pytest plugin (see
    Session.pytest_need), or None: a fixture it requests that nothing
    collected defines, or a coroutine test function."""
    info = getattr(item, "_fixtureinfo", None)
    # Every name resolved, the common case, is told by the sizes.
    if info is not None and len(info.names_closure) != len(info.name2fixturedefs):
        params = getattr(getattr(item, "callspec", None), "params", {})
        for name in info.names_closure:
            if name != "request" and name not in info.name2fixturedefs and name not in params:
                return f"{item.nodeid} requests fixture '{name}', which no conftest defines"
    if is_async_function(getattr(item, "obj", None)) and getattr(item, "runtest", None) is None:
        return f"{item.nodeid} is a coroutine"
    return None


class Session:
    def __init__(self, config: Dict[str, Any]) -> None:
        self.config = Config(
            config["rootdir"], config.get("inifile"), config.get("ini", {}), config.get("options", {}), config.get("option_table", [])
        )
        self.config.fastest_junit_records = self._junit_records()
        self.node = SessionNode(self.config)
        self.node._setupstate = SetupState()
        self.node._fixturemanager = FixtureManager(self.config)
        self.interrupted: Optional[BaseException] = None
        self._items: Dict[str, Any] = {}
        # Collection's reports and warnings, in the order pytest makes them.
        self._collection_events: List[dict] = []
        self._collected_paths: set = set()
        # Every item collection built, as pytest's terminal counts them
        # (its reporter's _numcollected), before any was taken away.
        self._built_count = 0
        # pytest_collection_modifyitems runs once, over what the first
        # collection built; later calls (the run's preload, a worker's
        # batches) find their files collected already.
        self._items_modified = False
        # A conftest.py failed while collecting: the session's collection
        # failed, and no item is collected (pytest's Session.collect).
        self._collection_failed = False
        self._usage_error: Optional[BaseException] = None
        self.collect_warnings: List[dict] = []
        self._pending = None  # the last item run, its teardown deferred
        self._set_argv()
        self._pytest_internals = watch_pytest_internals(self.config.rootpath_str)
        self._install_pytest_module(config.get("served_internals", {}))
        self.conftests = ConftestRegistry(self.node)
        self.config.hook.conftests = self.conftests
        self.phase_wrappers: List[Callable] = []
        self._before_workers_hooks: List[Callable] = []
        self._session_start_hooks: List[Callable] = []
        self._session_finish_hooks: List[Callable] = []
        self._terminal_reporter = None  # see _reporter
        self._terminal_summary: Tuple[str, Optional[int]] = ("", None)
        self._register_fixture_modules(config.get("fixture_modules", []))
        from fastest.capture import CaptureManager

        # Failure texts are laid out for the terminal (its "_ _ _" entry
        # separators): measured before capture takes the standard streams.
        from .terminal_writer import Terminal, terminal_width

        self.node.terminal = Terminal(terminal_width(), markup=self.config.getoption("fastest_markup"),
                                      code_highlight=self.config.getoption("code_highlight") != "no")
        # Its copy of stderr is made before the capture takes descriptor 2.
        self.node.fault_handler = FaultHandler(self.config)
        self.node.fault_handler.start()
        # Whether someone may watch the events as they come (see HeldEvents).
        self._terminal_watched = os.isatty(1)
        self.node.capture = self.capture = CaptureManager(self.config.getoption("capture") or "fd")
        self.capture.start()
        self.node.phase_wrappers = self.phase_wrappers
        self.runner = ItemRunner(self.node, self.conftests)
        self._collection_events.extend(self.conftests.load_initial())
        # pytest's own plugins configure after the initial conftests (the
        # latest registered first): their markers register now, and
        # pytest.mark starts checking names (a conftest's module code used
        # marks unchecked, as its own pytest_configure registers them).
        self.config.add_builtin_markers()
        from fastest.pytest_api import mark

        mark._config = self.config
        # pytest_sessionstart's time: after the initial conftests. Theirs run
        # inside pytest's logging plugin's wrapper (a fixture module's
        # start hook stands in for it).
        for hook in self._session_start_hooks:
            hook(self.config)
        self._start_time = clocks.time()
        run_hook(self.conftests.session_implementations("pytest_sessionstart"), session=self.node)

    def _junit_records(self):
        """Where record_xml_attribute and record_testsuite_property record
        for --junitxml (the builtin fixtures find it on the config); None
        when no file is written."""
        if not self.config.getoption("xmlpath", None) or self.config.blocks_plugin("junitxml"):
            return None
        from ..junit_records import LogXML

        return LogXML(self.config.getini("junit_family"))

    def _set_argv(self) -> None:
        """sys.argv as the ``pytest`` command of the target environment sets
        it (tests read sys.argv[0]: argparse names its program after it):
        the pytest script beside the interpreter, then the arguments."""
        script = os.path.join(os.path.dirname(sys.executable), "pytest")
        sys.argv = [script, *(self.config.getoption("fastest_args", None) or [])]

    def _install_pytest_module(self, served_internals: Dict[str, List[str]]) -> None:
        import fastest.pytest_api as pytest_api
        from fastest.pytest_api.served_internals import serve

        sys.modules["pytest"] = pytest_api
        serve(served_internals, self._pytest_internals.note_unserved)
        if self.config.getoption("runxfail"):
            from fastest.pytest_api.outcomes import xfail_under_runxfail

            pytest_api.xfail = xfail_under_runxfail
        if self.config.getoption("assertmode") != "plain":
            from fastest.assertion.runtime import set_verbosity

            from .importing import install_import_hook

            # Assertion explanations are as detailed as -v/-vv ask.
            set_verbosity(self.config.getoption("verbose"))
            invocation_dir = self.config.invocation_params.dir_str
            named = [os.path.abspath(os.path.join(invocation_dir, arg.split("::", 1)[0])) for arg in self.config.args]
            install_import_hook(self.config.getini("python_files"), [path for path in named if os.path.isfile(path)])

    def _register_fixture_modules(self, names: List[str]) -> None:
        """Session-level fixtures: capsys & co, then the given modules. A
        module's ``fastest_pytest_plugin_of`` ({fixture or hook name: the
        pytest plugin it stands in for, or a tuple of plugins it needs all
        of}) keeps out those a ``-p no:NAME`` blocks, as pytest has no such
        fixture or behaviour then."""
        import importlib

        for name in ["fastest.capture.fixtures", *names]:
            try:
                module = importlib.import_module(name)
            except ImportError:
                if name == "fastest.capture.fixtures":
                    continue
                raise
            plugin_of = getattr(module, "fastest_pytest_plugin_of", {})
            skip = {name for name, plugins in plugin_of.items() if self._blocks_any(plugins)}
            self.node._fixturemanager.parsefactories(module, "", skip=skip)
            wrapper = getattr(module, "fastest_wrap_phase", None)
            if wrapper is not None and "fastest_wrap_phase" not in skip:
                self.phase_wrappers.append(wrapper)
            before_workers = getattr(module, "fastest_before_workers", None)
            if before_workers is not None:
                self._before_workers_hooks.append(before_workers)
            for name, hooks in (("fastest_session_start", self._session_start_hooks),
                                ("fastest_session_finish", self._session_finish_hooks)):
                hook = getattr(module, name, None)
                if hook is not None and name not in skip:
                    hooks.append(hook)
        from . import builtin_fixtures

        self.node._fixturemanager.parsefactories(builtin_fixtures, "")
        if self.config.would_load_plugin("xdist", "xdist"):
            from . import xdist_fixtures

            self.node._fixturemanager.parsefactories(xdist_fixtures, "")

    def _blocks_any(self, plugins) -> bool:
        names = (plugins,) if isinstance(plugins, str) else plugins
        return any(self.config.blocks_plugin(name) for name in names)

    # --- the C core's interface ---
    def collect(self, paths: List[str]) -> List[dict]:
        """Import these rootdir-relative files, build their items; return
        one dict per item (see the package docstring). A file is collected
        once: asking again returns nothing for it. (The host pauses the
        cyclic garbage collector meanwhile: core/python/gc_pause.h.)"""
        from .collect_module import collect_file, collection_warnings, find_file
        from .conftests import ConftestImportFailure
        from .hooks import modify_items
        from .reorder import reorder_items

        if self._collection_failed:
            return []
        items = []
        events_before = len(self._collection_events)
        new_paths = [path for path in dict.fromkeys(paths) if path not in self._collected_paths]
        self._collected_paths.update(new_paths)
        try:
            found = [find_file(self, path) for path in new_paths]
        except ConftestImportFailure as failure:
            # pytest collects nothing then, and reports nothing else.
            from .collect_module import session_error_report

            self._collection_failed = True
            del self._collection_events[events_before:]
            self.collect_warnings = []
            self._collection_events.append(session_error_report(self, failure.cause))
            return []
        # What loading the conftests warned of comes before any file's.
        self._collection_events.extend(self.collect_warnings)
        self.collect_warnings = []
        for file in found:
            new_items, reports = collect_file(self, file)
            self._built_count += len(new_items)
            items.extend(new_items)
            self._hear_collected(new_items)
            # A file's warnings arise while it is collected, before its report.
            self._collection_events.extend(self.collect_warnings)
            self._collection_events.extend(reports)
            self.collect_warnings = []
        deselected, dropped = [], []
        if not self._items_modified:
            self._items_modified = True
            # pytest's warnings plugin records what its pytest_collection
            # hook says, the conftests' modifyitems and the config's check
            # of ini keys among it.
            with collection_warnings(self.config) as late_warnings:
                try:
                    items, deselected, dropped = modify_items(self, items, reorder_items)
                    self.config.validate_ini_keys()
                except UsageError as error:
                    self._usage_error = error  # see collection_events
            self._collection_events.extend(late_warnings)
            if deselected and self._summary_wanted():
                self._reporter().deselect(deselected)
        # The core applies -k and -m: only then does it need the names.
        selecting = bool(self.config.getoption("keyword") or self.config.getoption("markexpr"))
        timeout_marks = bool(self.config.getoption("timeout", None)) or self.config.would_load_plugin("timeout", "pytest_timeout")
        result = []
        for item in items:
            self._items[item.nodeid] = item
            facts = {
                "node_id": item.nodeid,
                "path": item.nodeid.partition("::")[0],
                "node_kind": type(item).__name__,
            }
            if selecting:
                facts["marks"] = [mark.name for mark in item.iter_markers()]
                facts["keywords"] = item.keyword_names()
            facts.update(scheduling_facts(item, timeout_marks))
            result.append(facts)
        self.node.items.extend(items)
        self.node.testscollected += len(items)
        result.extend(removed_item_dicts(deselected, dropped))
        return result

    def _hear_collected(self, items: List[Any]) -> None:
        """pytest_itemcollected for each item a file gave, in order, as
        pytest's collection calls it on the item's conftests (its hook
        proxy) as it makes them, before pytest_collection_modifyitems."""
        conftests = self.conftests
        if "pytest_itemcollected" not in conftests.defined_hooks:
            return
        for item in items:
            initial, later, subset = conftests.implementations("pytest_itemcollected", item.nodeid)
            run_hook(initial + later, subset=subset, item=item)

    def finish_collection(self, node_ids: List[str]) -> str:
        """The items the core selected (-k, -m, --deselect, --lf, ...), in
        run order: pytest's session.items and testscollected hold those
        alone once its collection is done (what pytest_collection_finish
        and the session's end see). Then the conftests'
        pytest_collection_finish, in the process that collected; returns
        what they printed, which the console writes where pytest's
        terminal shows it (after "collected N items")."""
        items = self._items
        self.node.items = [items[node_id] for node_id in node_ids if node_id in items]
        self.node.testscollected = len(self.node.items)
        if self._summary_wanted():
            selected = set(node_ids)
            self._reporter().deselect([item for node_id, item in items.items() if node_id not in selected])
        implementations = self.conftests.session_implementations("pytest_collection_finish")
        if not implementations:
            return ""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            run_hook(implementations, session=self.node)
        return printed.getvalue()

    def pytest_need(self) -> Optional[str]:
        """Why this run needs the real pytest, which the native engine
        stands in for, or None. Asked once, after collection and before
        anything runs: a module collection imported that imports
        ``_pytest`` (pytest_internals.py); or, when pytest would load
        installed plugins (plugin autoload on, a ``pytest11`` entry point
        installed), one the native engine does not stand in for
        (autoloaded_plugins.MODELLED_MODULES), a test requesting a fixture
        nothing collected defines, a coroutine test (which pytest alone
        skips, and pytest-asyncio or anyio run), or a Hypothesis test under
        Hypothesis's plugin (its health checks and reports). A mark nothing
        registered is no reason: it only warns, and sloppy suites use
        many."""
        from .autoloaded_plugins import pytest_would_autoload_plugins, unmodelled_plugin

        if self._pytest_internals.importer is not None:
            return f"{self._pytest_internals.importer} imports _pytest"
        if not pytest_would_autoload_plugins():
            return None
        plugin = unmodelled_plugin(self.config.blocks_plugin)
        if plugin is not None:
            return f"pytest would load the installed plugin {plugin}, which the native engine does not stand in for"
        items = self._items.values()
        if self.config.would_load_plugin("hypothesispytest", "_hypothesis_pytestplugin"):
            hypothesis_test = next((item for item in items if _is_hypothesis_test(item)), None)
            if hypothesis_test is not None:
                return f"{hypothesis_test.nodeid} is a Hypothesis test"
        return next(filter(None, map(_plugin_hint_of, items)), None)

    def conftest_options(self) -> List[dict]:
        """The options the initial conftests' ``pytest_addoption`` added,
        as specs the C parser takes (option_parser.Argument.spec)."""
        parser = self.conftests.parser
        return parser.specs() if parser is not None else []

    def report_header(self) -> str:
        """The lines the initial conftests' ``pytest_report_header`` give,
        '\n'-separated, as pytest's terminal writes them (it calls the hook
        as the session starts, when only those conftests are loaded; its
        own implementation, registered after them, gives the rootdir line
        that follows theirs)."""
        if self.config.blocks_plugin("terminal"):
            return ""  # pytest's terminal plugin alone calls the hook
        conftests = self.conftests
        implementations = [
            module.pytest_report_header
            for module in conftests.loaded()
            if conftests.is_initial(module) and hasattr(module, "pytest_report_header")
        ]
        if not implementations:
            return ""
        config = self.config
        return terminal_lines(run_hook(implementations, config=config, start_path=config.invocation_params.dir, startdir=config.invocation_dir))

    def collection_events(self) -> List[dict]:
        """The ``collect_report`` events (collection errors, module-level
        skips) and ``warning`` events collection made so far, in the order
        they happened; each returned once. Raises the UsageError raised
        once the items were collected (a conftest's
        pytest_collection_modifyitems, --strict-config's check): pytest
        then reports what it collected, and runs nothing."""
        if self._usage_error is not None:
            error, self._usage_error = self._usage_error, None
            raise error
        events, self._collection_events = self._collection_events, []
        # pytest counts collection errors towards --maxfail.
        self.node.testsfailed += sum(
            event["kind"] == "collect_report" and event["outcome"] == "failed" for event in events
        )
        if self._summary_wanted():
            from .reports import CollectReport

            for event in events:
                if event["kind"] == "collect_report" and event["outcome"] != "passed":
                    self._reporter().record(CollectReport(event))
                elif event["kind"] == "warning":
                    self._reporter().record_warning(event)
        return events

    def run(self, node_ids: List[str], emit: Emit) -> bool:
        """Run these items in order; True when the run must stop."""
        self._flush_before_terminal_output(emit)
        for event in self.collection_events():
            emit(event)
        # A worker's reports are filed where they are heard again (replay).
        self.runner.terminal_reporter = self._reporter() if self._summary_wanted() and not is_worker(self.config) else None
        items = [self._items[node_id] for node_id in node_ids]
        try:
            with self._capture_across_items(emit) as item_emit:
                for index, item in enumerate(items):
                    if self._pending is not None:
                        self._finish_pending(item, item_emit)
                    nextitem = items[index + 1] if index + 1 < len(items) else NEXT_UNKNOWN
                    if not self.runner.run(item, nextitem, item_emit):
                        self._pending = item
                    elif self._should_stop():
                        return True
        except Interrupted as interrupted:
            self.interrupted = interrupted.cause
            self.node.shouldstop = str(interrupted.cause)
            emit(self.runner.interruption(interrupted.cause))
            return True
        return self._should_stop()

    @contextlib.contextmanager
    def _capture_across_items(self, emit: Emit) -> Iterator[Emit]:
        """The emit items report through. When the capture hides what
        phases print anyway ("fd"), it stays on from one item to the next
        (each phase still reads its own output), sparing two ``dup2`` per
        stream and item: a worker's events go down a pipe as they come, the
        fastest process's wait in HeldEvents for the reporters' turn."""
        if not self.capture.holds_output:
            yield emit
        elif is_worker(self.config):
            self.capture.hold()
            try:
                yield emit
            finally:
                self.capture.release()
        else:
            with HeldEvents(self.capture, emit, 0.0 if self._terminal_watched else _UNWATCHED_INTERVAL) as held:
                yield held.emit

    def settle(self, emit: Emit) -> bool:
        """Tear down whatever is still set up (the deferred teardown first,
        the session's fixtures last), leaving the session open: before the
        workers fork from this process, which ran the first items, so that
        each sets up what it needs afresh, as pytest-xdist's workers do.
        True when an interruption stopped it: the run must stop."""
        self._flush_before_terminal_output(emit)
        try:
            if self._pending is not None:
                self._finish_pending(None, emit)
            self.node._setupstate.teardown_exact(None)
        except Interrupted as interrupted:
            self.interrupted = interrupted.cause
            emit(self.runner.interruption(interrupted.cause))
            return True
        return False

    def finish(self, emit: Emit) -> Optional[int]:
        """Tear down whatever is still set up (settle), then end the
        session (_end). Returns None, or the exit status a conftest's
        pytest_sessionfinish gave the session."""
        try:
            self.settle(emit)
            self._stop_as_pytest_loop(emit)
        finally:
            items_status = self._exit_status()
            try:
                with printed_by_parent(self.config):
                    status = self._end(items_status, emit)
            finally:
                self.capture.stop()
        return status if status != items_status else None

    def finish_elsewhere(self, exitstatus: int, testsfailed: int, emit: Emit) -> Optional[int]:
        """The end of the session in the process whose items ran in workers
        or not at all (collection errors, --collect-only, nothing
        selected): pytest_sessionfinish with the run's exit status and
        failures as the core counted them (pytest's session.testsfailed),
        as pytest-xdist's controller ends its own session. Returns what
        finish() returns."""
        self.node.testsfailed = testsfailed
        status = self._end(exitstatus, emit)
        return status if status != exitstatus else None

    def unconfigure(self) -> None:
        """pytest_unconfigure, every loaded conftest's: after the report's
        end in the process that reports (what it prints follows the
        statistics line), after finish() in a worker, where what it prints
        is dropped (worker_output.py)."""
        with printed_by_parent(self.config):
            run_hook(self.conftests.session_implementations("pytest_unconfigure"), config=self.config)

    def terminal_descriptors(self) -> List[tuple]:
        """For the host, which holds what collection writes until the header
        is out: the descriptors besides 1 and 2 that write to the terminal
        (core/session/held_output.h)."""
        return self.capture.terminal_descriptors()

    def before_workers(self) -> List[str]:
        """Called once in the process that forks the workers, before the
        first fork: each fixture module's ``fastest_before_workers(config)``
        makes what the workers share and this process must own (the
        temporary base folder, whose lock only its creator releases).
        Returns the kinds of the workers' events this process must hear
        (replay): those a conftest's hook here hears, or the terminal
        summary files (reports and warnings)."""
        for hook in self._before_workers_hooks:
            hook(self.config)
        defined = self.conftests.defined_hooks
        kinds = [kind for kind, hook in HEARD_AGAIN.items() if hook in defined]
        if self._summary_wanted():
            kinds += [kind for kind in ("test_report", "warning") if kind not in kinds]
        return kinds

    def replay(self, event: dict) -> None:
        """In the process that forked the workers: a worker's event, heard
        by the conftests' hook as pytest-xdist's controller hears its
        workers' (a test report by pytest_runtest_logreport, an item's
        start and finish by pytest_runtest_logstart and logfinish), once
        the reporters have it. The conftests are the item's, as in-process
        (pytest's hook proxy): this process imported them all, where
        xdist's controller, which never collects, has only the initial
        ones. (The worker heard it too, its output dropped, as an xdist
        worker's is.) A warning is filed for the terminal summary."""
        kind = event["kind"]
        if kind == "warning":
            self._reporter().record_warning(event)
            return
        item = self._items[event["node_id"]]
        hooks = self.conftests.implementations(HEARD_AGAIN[kind], item.nodeid)
        if kind != "test_report":
            self.runner.call_conftests(hooks, nodeid=item.nodeid, location=item.location)
            return
        from .reports import TestReport

        report = TestReport(event, item)
        report.user_properties = [tuple(pair) for pair in event.get("properties", ())]
        self.runner.call_conftests(hooks, report=report)
        if self._summary_wanted():
            self._reporter().record(report)

    def terminal_summary(self) -> Tuple[str, Optional[int]]:
        """What the conftests' pytest_terminal_summary wrote at the end of
        the session in this process (see _end), for the console, and
        where in it they first asked for the line to end
        (terminal_reporter.py); ("", None) when nothing."""
        return self._terminal_summary

    def after_fork(self) -> None:
        """Called in a freshly forked worker before it runs anything: output
        capture gets files of its own (the ones made before the fork are
        shared with every sibling, whose output would mix with this one's).
        It becomes a pytest-xdist worker to the suite's code
        (fastest/xdist_worker.py)."""
        self.capture.after_fork()
        become_worker(self.config)

    # --- internals ---
    def _end(self, exitstatus: int, emit: Emit) -> int:
        """pytest_sessionfinish: the conftests' implementations, then the
        fixture modules' ends (pytest's logging plugin's wrapper). Returns
        pytest's exit status, which they may change (session.exitstatus = 0
        is a conftest's way to pass a run that collected nothing). A
        worker's session ends too, as an xdist worker's does (what its
        hooks print dropped: finish())."""
        node = self.node
        implementations = self.conftests.session_implementations("pytest_sessionfinish")
        status = exitstatus
        try:
            if implementations:
                node.exitstatus = status = _as_pytest_holds(exitstatus)
                # What they print follows the progress the console holds.
                emit(FLUSH_EVENT)
                run_hook(implementations, session=node, exitstatus=status)
                exitstatus = int(node.exitstatus)
            self._summarize(status)
        finally:
            for hook in self._session_finish_hooks:
                hook(self.config)
        return exitstatus

    def _summary_wanted(self) -> bool:
        return "pytest_terminal_summary" in self.conftests.defined_hooks

    def _reporter(self):
        """The ``terminalreporter`` a conftest's pytest_terminal_summary
        gets, which files the session's reports (terminal_reporter.py);
        made when first needed."""
        if self._terminal_reporter is None:
            from .terminal_reporter import TerminalReporter

            terminal = self.node.terminal
            self._terminal_reporter = TerminalReporter(self.config, terminal.width, terminal.markup, self.node, self._start_time)
        return self._terminal_reporter

    def _summarize(self, status: Any) -> None:
        """pytest_terminal_summary, as pytest's terminal reporter calls it
        once the other pytest_sessionfinish implementations are done, with
        the exit status they were given, when pytest's reporter writes a
        summary at all; not in a worker (xdist's have no terminal). What
        the implementations print joins what they write through the
        reporter, where pytest's terminal shows it."""
        implementations = self.conftests.session_implementations("pytest_terminal_summary")
        if not implementations or is_worker(self.config) or self.config.getoption("no_summary", False):
            return
        from .terminal_reporter import SUMMARY_EXIT_STATUSES

        if int(status) not in SUMMARY_EXIT_STATUSES:
            return
        reporter = self._reporter()
        reporter._numcollected = self._built_count
        reporter.summarize(implementations, _as_pytest_holds(int(status)))
        self._terminal_summary = reporter.written()

    def _stop_as_pytest_loop(self, emit: Emit) -> None:
        """pytest's loop raises session.Interrupted once an item left
        shouldstop set (--sw's stepwise, a conftest) and shouldfail not:
        the run's status is then 2, and the terminal reports the memo
        ("Interrupted: <reason>")."""
        if self.interrupted is not None or not self.node.shouldstop or self.node.shouldfail:
            return
        try:
            raise self.node.Interrupted(self.node.shouldstop)
        except KeyboardInterrupt as interruption:
            self.interrupted = interruption
        emit(self.runner.interruption(self.interrupted))

    def _exit_status(self) -> int:
        """pytest's, once its loop is over: an interruption's (shouldstop's
        among them: _stop_as_pytest_loop), or the failures'."""
        if self.interrupted is not None:
            return interruption_exit_status(self.interrupted)
        return _TESTS_FAILED if self.node.testsfailed else 0

    def _flush_before_terminal_output(self, emit: Emit) -> None:
        """What a test writes past the capture (``capsys.disabled()``)
        follows what the reporters hold, as it does in pytest."""
        self.capture.before_terminal_output = lambda: emit(FLUSH_EVENT)

    def _finish_pending(self, nextitem, emit: Emit) -> None:
        item, self._pending = self._pending, None
        self.runner.teardown(item, nextitem, emit)

    def _should_stop(self) -> bool:
        return bool(self.node.shouldfail or self.node.shouldstop)


# How long the fastest process holds events when no terminal shows them.
_UNWATCHED_INTERVAL = 0.05

# pytest's ExitCode.TESTS_FAILED (its enum's import waits until a hook
# needs one: _as_pytest_holds).
_TESTS_FAILED = 1


def _as_pytest_holds(status: int) -> Any:
    from fastest.pytest_api.exit_codes import ExitCode

    return as_pytest_holds(status, ExitCode)
