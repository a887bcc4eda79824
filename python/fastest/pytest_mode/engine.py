"""The pytest engine: the real pytest of the target environment behind the
interface of fastest's native engine (python/fastest/engine/__init__.py).

    session = Session(config)
        config: the native engine's dict plus "args" (the command line as
        the user gave it; pytest adds addopts and PYTEST_ADDOPTS itself) and
        "own_options" ([[flag, ...], takes_value] for each option fastest
        handles and pytest must accept and ignore; see own_options.py).
        Builds pytest's Config from those args exactly as ``pytest ARGS``
        would (plugins load as pytest loads them: entry points, ``-p``,
        ``-p no:NAME``, PYTEST_DISABLE_PLUGIN_AUTOLOAD, conftest files) and
        runs pytest_configure and pytest_sessionstart. A bad command line
        raises pytest's UsageError with pytest's message.

    items = session.collect(paths)
        The first call runs pytest's collection (pytest_collection: -k, -m,
        --deselect, --lf and every pytest_collection_modifyitems hook
        apply), once for the process; the items then stay by node id. Returns
        the native engine's item dicts, for the items in those rootdir-
        relative files, or for every item when paths is empty, followed by
        one ``{"node_id", "path", "deselected": True}`` dict per item a hook
        deselected and one with ``"dropped": True`` per item a hook removed
        without deselecting it (only when paths is empty).

    events = session.collection_events()
        The collect_report and warning events collection made, once each.

    stop = session.run(node_ids, emit) / session.finish(emit)
        Run items through pytest's own pytest_runtest_protocol hook (inside
        pytest_runtestloop's wrappers: runtestloop.py), every
        report converted by report_events.EventConverter. As pytest-xdist's
        workers do, the last item of a run() is held back and runs at the
        next run() or finish(), when its nextitem is known: the whole
        protocol (and the hook wrappers around it: warnings capture,
        assertion hooks, faulthandler, plugins') runs with the same nextitem
        as under pytest, so fixtures are torn down exactly where pytest
        tears them down. finish() runs the held item with nextitem=None,
        then pytest_sessionfinish, and returns None, or the exit status
        pytest's session ended with when a plugin made it other than the
        items did (a pytest_runtestloop wrapper failing the session, a
        pytest_sessionfinish setting session.exitstatus).

    session.finish_elsewhere(exitstatus, testsfailed, emit)
        Instead of finish(), in a process whose items ran in workers or not
        at all: the end of pytest_runtestloop's wrappers, then
        pytest_sessionfinish, with the run's exit status; returns pytest's
        as finish() does.

    session.unconfigure()
        pytest_unconfigure, once the run's report is out (after finish()
        in a worker).

    text, newline_at = session.terminal_summary()
        After either finish: what plugins and conftests wrote into pytest's
        terminal summary (terminal_summary.py), for the console (see the
        native engine's; newline_at is None here).

    kinds = session.before_workers()
        In the process that forks the workers, before the first fork: the
        kinds of their events this process hears (replay): test reports.

    session.replay(event)
        In the process that forked the workers, before finish_elsewhere(): a
        worker's test report event, heard by pytest's hooks here as
        pytest-xdist's controller hears its workers' reports.

    session.after_fork()
        In a freshly forked worker, before it runs anything: pytest's
        global capture gets files of its own, the config xdist's
        workerinput (fastest/xdist_worker.py), and pytest-cov's measurement
        goes on (coverage_in_workers.py).

Report events go out through emit; the session-level events
(session_start, collection_finish, session_finish) are the core's to make and
are not forwarded. pytest's own terminal output and --junitxml file are
switched off: fastest's reporters write them from the events.
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Any, Callable, Dict, Generator, List, Optional, Tuple

from _pytest._code import ExceptionInfo
from _pytest._io import TerminalWriter
from _pytest.config import (
    ConftestImportFailure,
    ExitCode,
    _prepareconfig,
    filter_traceback_for_conftest_import_failure,
    hookimpl,
)
from _pytest.config.exceptions import UsageError
from _pytest.main import Session as PytestSession
from _pytest.nodes import Item
from _pytest.outcomes import Exit

from ..flush_event import FLUSH_EVENT
from ..hook_lines import terminal_lines
from ..interruption import interruption_exit_status
from ..junit_records import LogXML as JunitRecords
from ..removed_items import dropped_items, removed_item_dicts
from ..startup_refusal import StartupRefusal
from ..worker_output import HEARD_AGAIN, Nowhere, printed_by_parent
from ..xdist_worker import become_worker, is_worker
from ..scheduling import scheduling_facts
from ..session_exit_status import as_pytest_holds
from .coverage_in_workers import measure_in_worker, save_worker_measurement
from .past_capture import PastCapture, flush_python_streams
from .not_distributed import NotDistributed
from .own_options import OwnOptions
from .replayed_reports import location_from_event, report_from_event
from .replayed_warnings import warning_from_record
from .runtestloop import RuntestloopWrappers
from .report_events import EventConverter
from .terminal_summary import TerminalSummary
from .worker_capture import own_capture_files

Event = Dict[str, Any]
Emit = Callable[[Event], None]

# Events the core makes itself from its own session state.
_SESSION_EVENT_KINDS = {"session_start", "collection_finish", "session_finish", "item_collected"}


class _EventRouter:
    """The converter's emit: forwards item events to the current run()'s
    emit, keeps what collection reported until collection_events().
    While ``ordered`` (an item hook's call that may print: see
    past_capture.py), what Python's streams hold goes out before an
    event, and the console writes the event out at once."""

    def __init__(self) -> None:
        self.target: Optional[Emit] = None
        self.collection: List[Event] = []
        self.ordered = False

    def __call__(self, event: Event) -> None:
        if event["kind"] in _SESSION_EVENT_KINDS:
            return
        if self.target is None or event["kind"] == "collect_report":
            self.collection.append(event)
        elif self.ordered:
            flush_python_streams()
            self.target(event)
            self.target(FLUSH_EVENT)
        else:
            self.target(event)

    def flush(self) -> None:
        """The console writes out what it holds (in a run)."""
        if self.target is not None:
            self.target(FLUSH_EVENT)


def _silence_terminal(config: Any) -> None:
    """pytest's terminal reporter keeps running (plugins call it) but
    writes nowhere; its width stays, as report texts are wrapped to it."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    width = reporter._tw.fullwidth
    reporter._tw = TerminalWriter(file=Nowhere())
    reporter._tw.fullwidth = width


def _junit_records_for_fastest(config: Any) -> Optional[JunitRecords]:
    """--junitxml is written by fastest's reporter from the events: pytest's
    LogXML leaves, and what pytest's record_xml_attribute and
    record_testsuite_property fixtures give it goes to fastest's stand-in
    (fastest/junit_records.py) in its place, registered as LogXML was, so
    pytest's unconfigure can remove it. None when no file is written."""
    from _pytest.junitxml import xml_key

    xml = config.stash.get(xml_key, None)
    if xml is None:
        return None
    config.pluginmanager.unregister(xml)
    records = config.stash[xml_key] = JunitRecords(xml.family)
    config.pluginmanager.register(records)
    return records


def _item_path(node_id: str) -> str:
    return node_id.split("::", 1)[0]


def _conftest_failure_text(failure: ConftestImportFailure) -> str:
    """What pytest's main() prints on stderr for an initial conftest that
    fails to import, made by the same calls."""
    exc_info = ExceptionInfo.from_exc_info(failure.excinfo)
    exc_info.traceback = exc_info.traceback.filter(filter_traceback_for_conftest_import_failure)
    shown = exc_info.getrepr(style="short", chain=False) if exc_info.traceback else exc_info.exconly()
    lines = [f"ImportError while loading conftest '{failure.path}'."]
    lines += [line.rstrip() for line in str(shown).splitlines()]
    return "\n".join(lines)


def _interruption_event(excinfo: Any, exit_status: int) -> Event:
    """The ``interrupted`` event from pytest's memo of what stopped the run
    (its terminal's ``excinfo.getrepr(funcargs=True)``)."""
    excrepr = excinfo.getrepr(funcargs=True)
    crash = excrepr.reprcrash
    return {
        "kind": "interrupted",
        "exit_status": int(exit_status),
        "longrepr": str(excrepr) + "\n",
        "crash_path": crash.path,
        "crash_line": crash.lineno,
        "crash_message": crash.message,
    }


def _item_dict(item: Any, timeout_marks: bool) -> Event:
    facts = {
        "node_id": item.nodeid,
        "path": _item_path(item.nodeid),
        "node_kind": type(item).__name__,
    }
    facts.update(scheduling_facts(item, timeout_marks))
    return facts


class Session:
    """One pytest session per process (see the module docstring)."""

    def __init__(self, config: Dict[str, Any]) -> None:
        # pytest's usage line names the program it finds in argv[0].
        sys.argv = ["fastest", *config.get("args", [])]
        self._router = _EventRouter()
        self.interrupted: Optional[BaseException] = None
        self._deselected: List[Any] = []
        # Every item the collectors built, as pytest's terminal counts them
        # for "collected N items", before any hook took some away.
        self._built: List[Any] = []
        self._items: Optional[Dict[str, Any]] = None
        self._ordered: List[Any] = []
        self._held: Optional[Any] = None
        self._collection_errors_count = 0
        self._collection_finish_output = ""
        try:
            self.config = _prepareconfig(
                list(config.get("args", [])),
                plugins=[OwnOptions(config.get("own_options", [])), NotDistributed()],
            )
        except ConftestImportFailure as failure:
            raise StartupRefusal(_conftest_failure_text(failure)) from None
        pytest_config = self.config
        pytest_config.pluginmanager.register(self, "fastest-pytest-engine")
        self.session = PytestSession.from_config(pytest_config)
        self._loop = RuntestloopWrappers(pytest_config, self.session)
        self.session.exitstatus = ExitCode.OK
        pytest_config._do_configure()
        _silence_terminal(pytest_config)
        junit_records = _junit_records_for_fastest(pytest_config)
        markup = "1" in config.get("options", {}).get("fastest_markup", ())
        self._converter = EventConverter(pytest_config, self._router, junit_records, markup=markup)
        pytest_config.pluginmanager.register(self._converter, "fastest-report-events")
        self._past_capture = PastCapture(pytest_config, self._router)
        # The hooks that hear the workers' events again (replay).
        self._hearers: Dict[Tuple[str, str], Callable[..., Any]] = {}
        self._warning_hearer: Any = None
        self._terminal_summary = TerminalSummary(markup)
        pytest_config.pluginmanager.register(self._terminal_summary, "fastest-terminal-summary")
        pytest_config.hook.pytest_sessionstart(session=self.session)
        self._header = self._report_header()
        # timeout marks limit their tests when pytest-timeout is loaded or
        # fastest's --timeout is given (scheduling_facts).
        self._timeout_marks = bool(config.get("options", {}).get("timeout")) or pytest_config.pluginmanager.has_plugin("timeout")

    # --- pytest hooks ----------------------------------------------------

    def pytest_deselected(self, items: List[Any]) -> None:
        self._deselected.extend(items)

    def pytest_collectreport(self, report: Any) -> None:
        if report.passed:
            self._built.extend(node for node in report.result if isinstance(node, Item))

    @hookimpl(hookwrapper=True, tryfirst=True)
    def pytest_collection_finish(self, session: Any) -> Generator[None, None, None]:
        """What the implementations print is kept for the console, which
        writes it where pytest's terminal shows it (after "collected N
        items" and what goes with it: finish_collection)."""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            yield
        self._collection_finish_output += printed.getvalue()

    # --- the C core's interface ------------------------------------------

    def _collected(self) -> Dict[str, Any]:
        if self._items is None:
            self.config.hook.pytest_collection(session=self.session)
            self._collection_errors_count = self.session.testsfailed
            self._ordered = list(self.session.items)
            self._items = {item.nodeid: item for item in self._ordered}
            self._past_capture.wrap()
        return self._items

    def collect(self, paths: List[str]) -> List[Event]:
        self._collected()
        if not paths:
            selected = [_item_dict(item, self._timeout_marks) for item in self._ordered]
            dropped = dropped_items(self._built, self._ordered, self._deselected)
            return selected + removed_item_dicts(self._deselected, dropped)
        wanted = set(paths)
        return [_item_dict(item, self._timeout_marks) for item in self._ordered if _item_path(item.nodeid) in wanted]

    def terminal_descriptors(self) -> List[Tuple[int, int]]:
        """For the host, which holds what collection writes until the header
        is out: the copies of descriptors 1 and 2 pytest's fd capture
        restores them from (core/session/held_output.h)."""
        capman = self.config.pluginmanager.getplugin("capturemanager")
        capturing = getattr(capman, "_global_capturing", None)
        pairs = []
        for fd, name in ((1, "out"), (2, "err")):
            saved = getattr(getattr(capturing, name, None), "targetfd_save", None)
            if isinstance(saved, int):
                pairs.append((fd, saved))
        return pairs

    def report_header(self) -> str:
        """The header lines pytest's terminal writes after its platform line
        (see _report_header)."""
        return self._header

    def _report_header(self) -> str:
        """Every pytest_report_header result (its own rootdir, configfile
        and plugins lines, and a conftest's or plugin's), in pytest's
        order, '\n'-separated, asked as pytest's terminal asks it when the
        session starts: of the initial conftests, before collection loads
        the others."""
        config = self.config
        if config.pluginmanager.is_blocked("terminal"):
            return ""  # pytest's terminal plugin alone calls the hook
        return terminal_lines(config.hook.pytest_report_header(config=config, start_path=config.invocation_params.dir))

    def finish_collection(self, node_ids: List[str]) -> str:
        """What pytest_collection_finish printed: it ran in pytest's
        collection, on pytest's own selection of the items (node_ids)."""
        return self._collection_finish_output

    def collection_finish_lines(self) -> str:
        """The lines pytest's terminal writes after "collected N items":
        every pytest_report_collectionfinish result (--lf's and --sw's
        status, a plugin's or conftest's), in pytest's order,
        '\n'-separated."""
        config = self.config
        if config.pluginmanager.is_blocked("terminal"):
            return ""  # pytest's terminal plugin alone calls the hook
        return terminal_lines(
            config.hook.pytest_report_collectionfinish(
                config=config, start_path=config.invocation_params.dir, items=self.session.items
            )
        )

    def terminal_summary(self) -> Tuple[str, None]:
        """What plugins and conftests wrote into pytest's terminal summary
        during finish() (see terminal_summary.py), for the console; pytest's
        own reporter ended its line where they asked."""
        return self._terminal_summary.text, None

    def collection_events(self) -> List[Event]:
        events, self._router.collection = self._router.collection, []
        return events

    def run(self, node_ids: List[str], emit: Emit) -> bool:
        items = self._collected()
        for event in self.collection_events():
            emit(event)
        if not is_worker(self.config):
            self._loop.enter()
        for node_id in node_ids:
            if self._run_held(items[node_id], emit):
                return True
            self._held = items[node_id]
        return False

    def finish(self, emit: Emit) -> Optional[int]:
        try:
            self._run_held(None, emit)
            items_status = self._exit_status()
            if is_worker(self.config):
                save_worker_measurement(self.config)
            else:
                self._loop.leave(self.interrupted)
        finally:
            with printed_by_parent(self.config):
                status = self._end(self._exit_status(), emit)
        return status if status != items_status else None

    def finish_elsewhere(self, exitstatus: int, testsfailed: int, emit: Emit) -> Optional[int]:
        """The end of pytest's session in a process whose items ran
        elsewhere (in workers, heard through replay(), which counted
        testsfailed into pytest's session as the core did) or not at all
        (collection errors, --collect-only): pytest_sessionfinish with the
        run's exit status, as pytest-xdist's controller ends its own. An
        interruption (status 2) is the one pytest's session hears: the
        Interrupted its pytest_runtestloop raises for collection errors,
        else the KeyboardInterrupt (or pytest.exit()) that stopped a worker,
        which pytest_runtestloop's wrappers get, then
        pytest_keyboard_interrupt. Returns what finish() returns."""
        interruption = self._interruption() if exitstatus == ExitCode.INTERRUPTED else None
        self._loop.enter()
        self._loop.leave(interruption)
        status = exitstatus
        if interruption is not None:
            excinfo = ExceptionInfo.from_exc_info((type(interruption), interruption, interruption.__traceback__))
            self.config.hook.pytest_keyboard_interrupt(excinfo=excinfo)
        elif exitstatus in (ExitCode.OK, ExitCode.NO_TESTS_COLLECTED) and self.session.testsfailed:
            # A wrapper may fail a session that ended normally (pytest-cov
            # under --cov-fail-under): pytest's status follows testsfailed.
            status = ExitCode.TESTS_FAILED
        status = self._end(status, emit)
        return status if status != exitstatus else None

    def _interruption(self) -> BaseException:
        """What interrupted the run, as pytest's session would have heard
        it (raised here, for its traceback): pytest's loop raises
        Interrupted for collection errors unless told to go on (the core
        stopped for them then); a worker's interruption, which this process
        heard of as an event, becomes a KeyboardInterrupt."""
        session = self.session
        failed = self._collection_errors_count
        try:
            if failed and not self.config.option.continue_on_collection_errors:
                raise session.Interrupted(f"{failed} error{'s' if failed != 1 else ''} during collection")
            raise KeyboardInterrupt
        except (session.Interrupted, KeyboardInterrupt) as interruption:
            return interruption

    def _end(self, exitstatus: int, emit: Emit) -> int:
        """pytest_sessionfinish; pytest's exit status, which its
        implementations may change (session.exitstatus = 0 is a conftest's
        way to pass a run that collected nothing)."""
        # What the hooks print reaches the terminal where pytest puts it:
        # after the progress the console holds until now.
        emit(FLUSH_EVENT)
        session = self.session
        session.exitstatus = exitstatus = as_pytest_holds(int(exitstatus), ExitCode)
        self._router.target = emit
        try:
            self.config.hook.pytest_sessionfinish(session=session, exitstatus=exitstatus)
        finally:
            self._router.target = None
        return int(session.exitstatus)

    def unconfigure(self) -> None:
        """pytest_unconfigure, pytest's last hook: after the report's end
        in the process that reports (what it prints follows the statistics
        line, as in pytest), after finish() in a worker (what it prints
        dropped: worker_output.py, as finish()'s)."""
        with printed_by_parent(self.config):
            self.config._ensure_unconfigure()

    # --- running ---------------------------------------------------------

    def _run_held(self, nextitem: Optional[Any], emit: Emit) -> bool:
        """Runs the held item with nextitem; True when the run must stop."""
        item, self._held = self._held, None
        if item is None:
            return False
        self._router.target = emit
        try:
            item.config.hook.pytest_runtest_protocol(item=item, nextitem=nextitem)
        except (KeyboardInterrupt, Exit) as error:
            # pytest's wrap_session: plugins hear of it, the terminal keeps
            # its memo (which fastest's reporters get as the event).
            self.interrupted = error
            excinfo = ExceptionInfo.from_current()
            self.config.hook.pytest_keyboard_interrupt(excinfo=excinfo)
            emit(_interruption_event(excinfo, self._exit_status()))
            return True
        finally:
            self._router.target = None
        session = self.session
        if session.shouldstop and not session.shouldfail:
            self._stop_as_pytest_loop(emit)
        return bool(session.shouldfail or session.shouldstop)

    def _stop_as_pytest_loop(self, emit: Emit) -> None:
        """A plugin asked the session to stop (--sw's stepwise after a
        failure, a conftest): pytest's loop raises Interrupted, which its
        session handles as any interruption, and plugins hear of it (the
        terminal keeps its memo, which its session end reports: fastest's
        reporters get it as the event)."""
        session = self.session
        try:
            raise session.Interrupted(session.shouldstop)
        except session.Interrupted as interruption:
            self.interrupted = interruption
            excinfo = ExceptionInfo.from_current()
            self.config.hook.pytest_keyboard_interrupt(excinfo=excinfo)
            emit(_interruption_event(excinfo, self._exit_status()))

    def _exit_status(self) -> int:
        """pytest's, once its loop is over: an interruption's, -x and
        --maxfail's failure (its loop raises Failed), --sw's stop (it
        raises Interrupted), or the failures'."""
        session = self.session
        if self.interrupted is not None:
            return interruption_exit_status(self.interrupted)
        if session.shouldfail:
            return ExitCode.TESTS_FAILED
        if session.shouldstop:
            return ExitCode.INTERRUPTED
        return ExitCode.TESTS_FAILED if session.testsfailed else ExitCode.OK

    def replay(self, event: Event) -> None:
        """In the process that forked the workers: a worker's event, heard
        by pytest's hooks here as pytest-xdist's controller hears its
        workers' (replayed_reports.py; see before_workers)."""
        kind = event["kind"]
        if kind == "warning":
            self._file_warning(event)
            self._hear_warning(event)
            return
        item = self._collected()[event["node_id"]]
        hear = self._hearing(kind, item)
        if kind == "test_report":
            hear(report=report_from_event(event))
        else:
            hear(nodeid=item.nodeid, location=location_from_event(event))
        # What they printed follows the event's progress, which the
        # console wrote out before this call.
        flush_python_streams()

    def _file_warning(self, event: Event) -> None:
        """A worker's warning in pytest's terminal statistics, filed as
        its terminal reporter files a warning it hears (``stats
        ["warnings"]``, which pytest_terminal_summary implementations
        read), with the text the worker's made of it."""
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            return
        from _pytest.terminal import WarningReport

        location = (event["location_path"], event["location_line"])
        report = WarningReport(message=event["warning_message"], nodeid=event.get("node_id", ""), fslocation=location)
        reporter._add_stats("warnings", [report])

    def _hear_warning(self, event: Event) -> None:
        """A worker's warning, given to this process's implementations of
        pytest_warning_recorded (a plugin's, a conftest's) as pytest-xdist's
        controller gives them its workers' (replayed_warnings.py): all
        but the converter's, which emitted it already, and the terminal
        reporter's (_file_warning). ``location`` is None, as pytest gives
        it for a test's warnings."""
        if self._warning_hearer is None:
            remove = [self._converter, self.config.pluginmanager.get_plugin("terminalreporter")]
            self._warning_hearer = self.config.pluginmanager.subset_hook_caller("pytest_warning_recorded", remove_plugins=remove)
        warning_message, when = warning_from_record(event["warning_record"])
        self._warning_hearer.call_historic(
            kwargs={"warning_message": warning_message, "when": when, "nodeid": event.get("node_id", ""), "location": None}
        )

    def _hearing(self, kind: str, item: Any) -> Callable[..., Any]:
        """The hook that hears a worker's event of this kind about item:
        the implementations item.ihook reaches (pytest's own and the
        plugins', the conftests on the item's folder chain: this process
        collected, where xdist's controller has only the initial
        conftests), but the converter's, the event having gone out
        already, and the ordering of what they print, which replay()
        does. One per kind and folder (pluggy keeps every subset it
        makes)."""
        key = (kind, os.path.dirname(item.nodeid.split("::", 1)[0]))
        hear = self._hearers.get(key)
        if hear is None:
            remove = [*getattr(item.ihook, "remove_mods", ()), self._converter, *self._past_capture.plugins()]
            hear = self._hearers[key] = self.config.pluginmanager.subset_hook_caller(HEARD_AGAIN[kind], remove_plugins=remove)
        return hear

    def before_workers(self) -> List[str]:
        """Called once in the process that forks the workers, before the
        first fork: the temporary base folder is made here, as xdist's
        controller makes it, so that its lock is released by this process's
        exit (a worker made it, the lock would outlive the worker). Returns
        the kinds of the workers' events heard here again (replay): their
        reports and warnings, and their items' start and finish when an
        implementation of the suite's own hears those (past_capture.py)."""
        factory = getattr(self.config, "_tmp_path_factory", None)
        if factory is not None:
            factory.getbasetemp()
        self._loop.enter()
        return [*self._past_capture.heard_again(), "warning"]

    def after_fork(self) -> None:
        """Called in a freshly forked worker before it runs anything: it gets
        capture files of its own (the parent's are shared file descriptions,
        which siblings would write over), and it becomes a pytest-xdist
        worker to pytest and its plugins (fastest/xdist_worker.py): the
        cache plugins leave --lf's record to the parent, which hears every
        report (replay), and xdist's worker_id names the worker."""
        own_capture_files(self.config.pluginmanager.get_plugin("capturemanager"))
        become_worker(self.config)
        self._past_capture.after_fork()
        self._loop.kept_by_parent()
        measure_in_worker(self.config)


__all__ = ["Session", "UsageError"]
