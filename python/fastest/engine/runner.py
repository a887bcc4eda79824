"""One item's run protocol (pytest's runtestprotocol): warning capture
around the whole item; setup, call and teardown phases, each wrapped in
output capture and the fixture modules' phase wrappers, each turned into a ``test_report`` event
with pytest's outcome rules (skips, xfail/xpass, strict xpass)."""
from __future__ import annotations

import os
import sys
import warnings

from fastest import clocks
from fastest.assertion.runtime import set_compare_hook
from fastest.interruption import interruption_exit_status
from fastest.pytest_api.outcomes import Exit, Skipped, XFailed, skip, xfail
from fastest.pytest_api.warning_types import PytestReturnNotNoneWarning, PytestUnhandledCoroutineWarning
from fastest.xdist_worker import is_worker

from .fixture_errors import FixtureLookupError
from .hooks import call_in_turn, hookimpl, is_hookwrapper, plain_order, run_hook
from .introspection import is_async_function, module_has
from .request import FixtureRequest
from .nodes import Function
from .skipping import evaluate_skip_marks, evaluate_xfail_marks, is_unmarked
from .uncaught_exceptions import UncaughtExceptions
from .warnings_capture import catch_phase, not_caught

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

    Emit = Callable[[dict], None]

_ASYNC_UNSUPPORTED = (
    "async def functions are not natively supported and have been skipped.\n"
    "You need to install a suitable plugin for your async framework, for example:\n"
    "  - anyio\n  - pytest-asyncio\n  - pytest-tornasync\n  - pytest-trio\n  - pytest-twisted"
)


class Interrupted(BaseException):
    """A phase raised KeyboardInterrupt or pytest.exit(): stop the run."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(cause)
        self.cause = cause


# ``nextitem`` for an item whose successor is not known yet: its teardown waits.
NEXT_UNKNOWN = object()


class ItemRunner:
    """Runs items for a session; holds what every phase needs."""

    def __init__(self, session, conftests) -> None:
        self.session = session
        config = session.config
        self.runxfail = config.getoption("runxfail")
        self.tbstyle = config.getoption("tbstyle") or "auto"
        self.showlocals = config.getoption("showlocals")
        self.fulltrace = config.getoption("fulltrace")
        self.verbosity = config.getoption("verbose")
        self.catches_warnings = not config.blocks_plugin("warnings")
        # The list itself: a conftest's pytest_configure may add lines
        # (addinivalue_line) after this, and pytest reads them per item.
        self.ini_filters = config.getini("filterwarnings")
        self.cmdline_filters = tuple(config.getoption("pythonwarnings") or ())
        self.capture = session.capture
        self.uncaught = UncaughtExceptions(config)
        self.fault_handler = session.fault_handler
        self.phase_wrappers: List[Callable] = session.phase_wrappers
        self.maxfail = config.getoption("maxfail")
        self.stepwise_stop = config.stepwise_stop
        self._stepwise_failures = 0  # failed tests (collection errors aside)
        self.junit_records = config.fastest_junit_records
        self.conftests = conftests
        # The terminal reporter a conftest's pytest_terminal_summary will
        # get, filing each report as pytest's does (the session sets it).
        self.terminal_reporter = None
        self._built: Dict[Tuple[str, int], Tuple[Any, Any]] = {}  # see _per_hooks
        # pytest's own implementations of each phase's runtest hook, as
        # pluggy places them among a conftest's (registered before any):
        # skipping's (tryfirst) and runner's for setup, skipping's wrapper
        # and runner's for call, runner's for teardown.
        self.builtins = {
            "setup": [hookimpl(tryfirst=True)(lambda item: self._evaluate_setup_marks(item)), lambda item: self._setup_nodes(item)],
            "call": [hookimpl(hookwrapper=True)(lambda item: self._xfail_around_call(item)), lambda item: self._run_test(item)],
            "teardown": [lambda item, nextitem: self._teardown_nodes(item, nextitem)],
        }

    # --- protocol ---
    def run(self, item, nextitem, emit: Emit) -> bool:
        """item_start, the setup report and, if setup passed, the call
        report; then, unless ``nextitem`` is ``NEXT_UNKNOWN``, the teardown
        (tearing down what ``nextitem`` does not need), item_finish and the
        item's warnings. Returns whether the item was torn down. item_start
        goes out first, so a crash is attributed to the item it happened
        in; the session decides when events reach the reporters."""
        emit({"kind": "item_start", "node_id": item.nodeid, "location_path": item.location[0]})
        self._explain_comparisons_for(item)
        self.fault_handler.item_started()
        item.funcargs = {}
        item._request = FixtureRequest(item)
        item.stash["xfailed"] = None
        self._catch_warnings(item)
        self._log_item(item, "logstart")
        torn_down = nextitem is not NEXT_UNKNOWN
        try:
            if self._setup_phase(item, emit) == "passed":
                self._call_phase(item, emit)
            if torn_down:
                self._teardown_phase(item, nextitem, emit)
        except Interrupted:
            self._emit_warnings(item, emit)
            raise
        if torn_down:
            self._finish(item, emit)
        return torn_down

    def teardown(self, item, nextitem, emit: Emit) -> None:
        """The teardown of an item ``run`` left set up (tearing down what
        ``nextitem`` does not need), item_finish, then its warnings."""
        self._explain_comparisons_for(item)
        try:
            self._teardown_phase(item, nextitem, emit)
        except Interrupted:
            self._emit_warnings(item, emit)
            raise
        self._finish(item, emit)

    # --- idle phases ---
    # Most tests of a suite request no fixture, carry no mark and meet no
    # conftest runtest hook: then their setup runs none of the suite's code
    # (every node above them is set up already), nor does their teardown
    # when the next test shares their parent. Such a phase still has its
    # report, but no output capture read, phase wrapper, uncaught-exception
    # hook or PYTEST_CURRENT_TEST value: with no code of the suite running,
    # none has anything to see.
    def _setup_phase(self, item, emit: Emit) -> str:
        setupstate = self.session._setupstate
        hooks = self._hooks("setup", item)
        if hooks:
            function, wrapped = self._hooked(item, "setup", hooks)
            return self._phase(item, "setup", function, emit, wrapped=wrapped)
        if type(item) is Function and not item.fixturenames and is_unmarked(item) and setupstate.is_ready_for(item):
            return self._phase(item, "setup", lambda: setupstate.push(item), emit, wrapped=False)
        return self._phase(item, "setup", lambda: self._setup(item), emit)

    def _call_phase(self, item, emit: Emit) -> None:
        hooks = self._hooks("call", item)
        if hooks:
            function, wrapped = self._hooked(item, "call", hooks)
            self._phase(item, "call", function, emit, wrapped=wrapped)
        else:
            self._phase(item, "call", lambda: self._call(item), emit)

    def _teardown_phase(self, item, nextitem, emit: Emit) -> None:
        setupstate = self.session._setupstate
        hooks = self._hooks("teardown", item)
        if hooks:
            function, wrapped = self._hooked(item, "teardown", hooks, nextitem)
            self._phase(item, "teardown", function, emit, wrapped=wrapped)
        elif nextitem is not None and nextitem.parent is item.parent and type(item) is Function and setupstate.holds_only(item):
            self._phase(item, "teardown", lambda: self._idle_teardown(item, nextitem), emit, wrapped=False)
        else:
            self._phase(item, "teardown", lambda: self._teardown_nodes(item, nextitem), emit)
        item._request = None
        item.funcargs = None

    def _finish(self, item, emit: Emit) -> None:
        self.fault_handler.item_finished()
        try:
            emit({"kind": "item_finish", "node_id": item.nodeid})
            self._log_item(item, "logfinish")
        finally:
            self._emit_warnings(item, emit)

    def _log_item(self, item, kind: str) -> None:
        """pytest_runtest_logstart or pytest_runtest_logfinish (``kind``),
        the item's conftests', as pytest calls them inside the item's
        warnings block, once the reporters have the item's start or finish
        (pytest's terminal reporter, registered after the initial
        conftests, writes first). What they print follows
        (CaptureManager.hook_output); in a worker it goes nowhere: the
        process that reports hears the event again (Session.replay)."""
        hooks = self._hooks(kind, item)
        if hooks is None:
            return
        with self.capture.hook_output(drop=is_worker(self.session.config)) as reporting:
            reporting(_reporters_have_it)
            self.call_conftests(hooks, nodeid=item.nodeid, location=item.location)

    # --- warnings: one block per item, as pytest's catch_warnings_for_item ---
    def _catch_warnings(self, item) -> None:
        """Start recording the item's warnings. The block spans setup, call
        and teardown (which the session defers until the next item is
        known, but always runs before that item starts), so ``recwarn``
        and ``pytest.warns`` inside a test nest within it as in pytest."""
        if self.catches_warnings:
            marks = tuple(arg for mark in item.iter_markers("filterwarnings") for arg in mark.args)
            block = catch_phase(ini_filters=tuple(self.ini_filters), cmdline_filters=self.cmdline_filters, mark_filters=marks, nodeid=item.nodeid)
        else:
            block = not_caught()
        item.stash["warnings"] = (block, block.__enter__())

    def _emit_warnings(self, item, emit: Emit) -> None:
        block, events = item.stash.pop("warnings")
        block.__exit__(None, None, None)
        for event in events:
            emit(event)
            if self.terminal_reporter is not None:
                self.terminal_reporter.record_warning(event)

    # --- phases ---
    def _setup(self, item) -> None:
        self._evaluate_setup_marks(item)
        self._setup_nodes(item)

    def _call(self, item) -> None:
        around = self._xfail_around_call(item)
        next(around)
        try:
            self._run_test(item)
        finally:
            next(around, None)

    # --- phases a conftest hooks into ---
    def _hooks(self, kind: str, item) -> Optional[Tuple[List[Callable], List[Callable], bool]]:
        """The conftests' implementations of the per-item hook of ``kind``
        (a phase, "makereport" or "assertrepr_compare") for ``item`` (see
        ConftestRegistry.implementations), or None."""
        name = _ITEM_HOOKS[kind]
        if name not in self.conftests.defined_hooks:
            return None
        found = self.conftests.implementations(name, item.nodeid)
        return found if found[0] or found[1] else None

    def _hooked(self, item, when: str, hooks: Tuple[List[Callable], List[Callable], bool], nextitem=None) -> Tuple[Callable[[], None], bool]:
        """The phase as pytest runs it when conftests implement its hook:
        one pluggy call, pytest's own implementations (the phase's output
        capture, phase wrappers and uncaught-exception catching among them)
        and the conftests' in pluggy's order. A conftest's hookwrapper then
        runs outside the output capture (registered after it) and, for an
        initial conftest, inside the logging plugin's wrapper (registered
        when pytest configures, after the initial conftests). Returns the
        phase's function and whether ``_phase`` wraps it (``_wrapped``):
        with no hookwrapper but pytest's own (a setup or teardown hook of
        a conftest, the common case), pluggy's call is those wrappers
        around the other implementations called in turn, which is what
        ``_wrapped`` does around them, without a generator per wrapper."""
        initial, later, subset = hooks
        # None with a conftest's hookwrapper, or for the call phase, whose
        # builtins hold skipping's wrapper (between pytest's capture and
        # the implementations).
        ordered = self._per_hooks(when, hooks, lambda: plain_order([*self.builtins[when], *initial, *later], subset))
        if ordered is not None:
            return (lambda: call_in_turn(ordered, item=item, nextitem=nextitem)), True
        implementations = [
            hookimpl(hookwrapper=True, tryfirst=True)(lambda: self._uncaught_around()),
            hookimpl(hookwrapper=True)(lambda item: self._capture_around(item, when)),
            *self.builtins[when],
            *initial,
            *(hookimpl(hookwrapper=True)(lambda item, wrapper=wrapper: _phase_wrapper_around(wrapper, item, when)) for wrapper in self.phase_wrappers),
            *later,
        ]

        if not any(map(is_hookwrapper, initial + later)):
            return (lambda: run_hook(implementations, subset=subset, item=item, nextitem=nextitem)), False

        def run() -> None:
            with self.capture.between_phases():
                run_hook(implementations, subset=subset, item=item, nextitem=nextitem)

        return run, False

    def call_conftests(self, hooks: Tuple[List[Callable], List[Callable], bool], **arguments: Any) -> None:
        """Calls the conftests' implementations ``hooks`` of a per-item hook
        (ConftestRegistry.implementations) as pluggy does; in turn, in an
        order computed once per file, when none is a hookwrapper (a
        worker's reports heard again cost the process that forked it this
        call each)."""
        initial, later, subset = hooks
        ordered = self._per_hooks("conftests", hooks, lambda: plain_order([*initial, *later], subset))
        if ordered is None:
            run_hook([*initial, *later], subset=subset, **arguments)
        else:
            call_in_turn(ordered, **arguments)

    def _per_hooks(self, slot: str, hooks, build: Callable[[], Any]) -> Any:
        """What ``build`` makes of a hook's conftest implementations
        ``hooks`` (ConftestRegistry.implementations's tuple, the same
        object for every item of a file) for ``slot``, made once: kept with
        the tuple itself, so that its id is not another's."""
        key = (slot, id(hooks))
        found = self._built.get(key)
        if found is None or found[0] is not hooks:
            found = self._built[key] = (hooks, build())
        return found[1]

    def _explain_comparisons_for(self, item) -> None:
        """pytest_assertrepr_compare as pytest asks it while ``item`` runs
        (its assertion plugin's wrapper around the runtest protocol): the
        conftests' implementations for the item, in pluggy's order, the
        first non-empty answer taken before the builtin explanations."""
        hooks = self._hooks("assertrepr_compare", item)
        if hooks is None:
            set_compare_hook(None)
            return
        initial, later, subset = hooks
        config = self.session.config

        def explain(op: str, left: Any, right: Any) -> Optional[List[str]]:
            answers = run_hook(initial + later, subset=subset, config=config, op=op, left=left, right=right)
            return next((lines for lines in answers if lines), None)

        set_compare_hook(explain)

    def _uncaught_around(self) -> Iterator[None]:
        started = self.uncaught.start()
        try:
            yield
        finally:
            self.uncaught.stop(started)

    def _capture_around(self, item, when: str) -> Iterator[None]:
        output = self.capture.phase()
        with output:
            yield
        _add_output_sections(item, when, output)

    # --- pytest's own implementations of those hooks ---
    def _evaluate_setup_marks(self, item) -> None:
        """skipping's pytest_runtest_setup."""
        skipped = evaluate_skip_marks(item)
        if skipped is not None:
            raise Skipped(skipped.reason, _use_item_location=True)
        item.stash["xfailed"] = xfailed = evaluate_xfail_marks(item)
        if xfailed and not self.runxfail and not xfailed.run:
            xfail("[NOTRUN] " + xfailed.reason)

    def _setup_nodes(self, item) -> None:
        """runner's pytest_runtest_setup."""
        _set_current_test(item, "setup")
        self.session._setupstate.setup(item)

    def _xfail_around_call(self, item) -> Iterator[None]:
        """skipping's pytest_runtest_call wrapper."""
        xfailed = item.stash.get("xfailed")
        if xfailed is None:
            item.stash["xfailed"] = xfailed = evaluate_xfail_marks(item)
        if xfailed and not self.runxfail and not xfailed.run:
            xfail("[NOTRUN] " + xfailed.reason)
        yield
        # The test may have added an xfail mark (request.node.add_marker):
        # pytest looks again when it had none, however the call ended.
        if item.stash.get("xfailed") is None:
            item.stash["xfailed"] = evaluate_xfail_marks(item)

    def _run_test(self, item) -> None:
        """runner's pytest_runtest_call."""
        _set_current_test(item, "call")
        # pytest keeps a test's exception for post-mortem debugging until
        # the next test's call.
        if module_has(sys, "last_type"):
            try:
                del sys.last_type
                del sys.last_value
                del sys.last_traceback
            except AttributeError:
                pass
        try:
            runtest = getattr(item, "runtest", None)
            if runtest is not None:
                runtest()
            else:
                self._call_function(item)
        except Exception as error:
            sys.last_type, sys.last_value, sys.last_traceback = type(error), error, error.__traceback__.tb_next
            raise

    def _teardown_nodes(self, item, nextitem) -> None:
        """runner's pytest_runtest_teardown."""
        _set_current_test(item, "teardown")
        self._idle_teardown(item, nextitem)

    def _idle_teardown(self, item, nextitem) -> None:
        self.session._setupstate.teardown_exact(nextitem)
        _set_current_test(item, None)

    def _call_function(self, item) -> None:
        function = item.obj
        if is_async_function(function):
            _skip_async(item)
        arguments = {name: item.funcargs[name] for name in item._fixtureinfo.argnames}
        result = function(**arguments)  # pytest's site: python.py: result = testfunction(**testargs)
        if hasattr(result, "__await__") or hasattr(result, "__aiter__"):
            _close_unawaited(result)
            _skip_async(item)
        elif result is not None:
            warnings.warn(  # pytest's site: python.py: warnings.warn( \ PytestReturnNotNoneWarning(
                PytestReturnNotNoneWarning(
                    f"Expected None, but {item.nodeid} returned {result!r}, which will be an error in a "
                    "future version of pytest.  Did you mean to use `assert` instead of `return`?"
                )
            )

    def _phase(self, item, when: str, function: Callable[[], None], emit: Emit, wrapped: bool = True) -> str:
        """Run one phase (``wrapped``: see ``_wrapped``); emit its report;
        return its outcome."""
        start = clocks.time()
        started = clocks.perf_counter()
        exc_info = self._wrapped(item, when, function) if wrapped else _exc_info_of(function)
        duration = clocks.perf_counter() - started
        recorded = item.take_recorded_error() if hasattr(item, "take_recorded_error") else None
        if recorded is not None:
            exc_info = recorded
        if exc_info is not None and isinstance(exc_info[1], (KeyboardInterrupt, Exit)):
            raise Interrupted(exc_info[1])
        hooks = self._hooks("makereport", item)
        if hooks:
            report = self._hooked_report(item, when, exc_info, start, duration, hooks)
        else:
            report = self._timed_report(item, when, exc_info, start, duration)
        if report["outcome"] == "failed":
            self._count(report)
        hooks = self._hooks("logreport", item)
        if hooks:
            return self._log_report(item, report, hooks, emit)
        if self.terminal_reporter is not None:
            from .reports import TestReport

            self.terminal_reporter.record(TestReport(report, item))
        emit(report)
        return report["outcome"]

    def _wrapped(self, item, when: str, function: Callable[[], None]) -> Optional[tuple]:
        """Run ``function`` inside the phase's output capture, inside the
        phase wrappers (those that return a generator for this phase; None
        means nothing to wrap), all inside the catching of uncaught
        exceptions (pytest's outermost wrappers); its exc_info or None.
        The captured output becomes the item's report sections before the
        wrappers end, as pytest's capture hooks run inside its logging
        plugin's: "Captured stdout/stderr" come before "Captured log"."""
        uncaught = self.uncaught.start()
        entered = []
        exc_info = None
        output = self.capture.phase()
        try:
            for wrapper in self.phase_wrappers:
                generator = wrapper(item, when)
                if generator is not None:
                    next(generator)
                    entered.append(generator)
            with output:
                function()
        except BaseException:
            exc_info = sys.exc_info()
        _add_output_sections(item, when, output)
        for generator in reversed(entered):
            try:
                next(generator, None)  # its end: no StopIteration to raise and catch
            except BaseException:
                if exc_info is None:
                    exc_info = sys.exc_info()
        try:
            self.uncaught.stop(uncaught)
        except BaseException:
            if exc_info is None:
                exc_info = sys.exc_info()
        return exc_info

    # --- reports ---
    def _timed_report(self, item, when: str, exc_info, start: float, duration: float) -> Dict[str, Any]:
        report = self._report(item, when, exc_info)
        report["duration"] = duration
        report["start"] = start
        # pytest reads the clock again; the same instant, one call less.
        report["stop"] = start + duration
        return report

    def _hooked_report(self, item, when: str, exc_info, start: float, duration: float, hooks) -> Dict[str, Any]:
        """The report as pytest makes it when conftests implement
        pytest_runtest_makereport: one firstresult call, the conftests'
        implementations before runner's (which makes the report, skipping's
        xfail rules applied as its wrapper, registered before any conftest,
        applies them), their hookwrappers seeing the report and changing it."""
        from .reports import CallInfo, TestReport

        def make_report(item, call) -> TestReport:
            return TestReport(self._timed_report(item, when, exc_info, start, duration), item)

        initial, later, subset = hooks
        # pytest makes the report once the phase's capture has ended: what
        # the hooks write reaches the terminal.
        with self.capture.between_phases():
            report = run_hook([make_report, *initial, *later], firstresult=True, subset=subset, item=item, call=CallInfo(when, exc_info, start, duration))
        if not isinstance(report, TestReport):
            raise TypeError(f"pytest_runtest_makereport gave {report!r}, not the report the native engine made (run with --engine=pytest)")
        return report.event()

    def _log_report(self, item, event: Dict[str, Any], hooks, emit: Emit) -> str:
        """pytest_runtest_logreport as pytest calls it once the report is
        made, outside the phase's capture: one call, pytest's reporting
        plugins (registered as it configures: after the initial conftests,
        before the others) between the conftests' implementations, so that
        pluggy calls the later conftests' first, then the reporters, then
        the initial conftests'. The reporters get the report as it stands
        when theirs would see it; the phase's outcome (the protocol goes on
        after a passed setup) is the one the hooks leave. What the hooks
        print follows the report's progress (CaptureManager.hook_output);
        in a worker it goes nowhere: the process that reports hears the
        report again (Session.replay) and prints it there."""
        from .reports import TestReport

        report = TestReport(event, item)
        initial, later, subset = hooks
        # The reporters' place among the implementations, in pluggy's order.
        ordered = self._per_hooks("logreport", hooks, lambda: plain_order([*initial, _reporters_place, *later], subset))
        with self.capture.hook_output(drop=is_worker(self.session.config)) as reporting:

            def reporters(report) -> None:
                def hand_over() -> None:
                    emit(dict(report.event()))
                    if self.terminal_reporter is not None:
                        self.terminal_reporter.record(report)

                reporting(hand_over)

            if ordered is None:
                run_hook([*initial, reporters, *later], subset=subset, report=report)
            else:
                call_in_turn([reporters if function is _reporters_place else function for function in ordered], report=report)
        return report.outcome

    def _count(self, report: Dict[str, Any]) -> None:
        """Count a failed report as pytest does for -x and --maxfail (an
        xfail's does not count), when the report is made: a later phase of
        the same item (a teardown reading ``session.testsfailed``) sees it,
        whenever the report is emitted."""
        if "wasxfail" not in report:
            session = self.session
            session.testsfailed += 1
            if self.maxfail and session.testsfailed >= self.maxfail:
                session.shouldfail = f"stopping after {session.testsfailed} failures"
            if self.stepwise_stop is not None:
                self._stepwise_failures += 1
                if self._stepwise_failures >= self.stepwise_stop[0]:
                    session.shouldstop = self.stepwise_stop[1]

    def _report(self, item, when: str, exc_info) -> Dict[str, Any]:
        report: Dict[str, Any] = {**_report_base(item), "phase": when}
        # Absent means empty (docs/engine-events.md); most reports have neither.
        if item._report_sections:
            report["sections"] = [[f"Captured {key} {phase}", content] for phase, key, content in item._report_sections]
        if item.user_properties:
            from fastest.junit_records import properties_field

            report["properties"] = properties_field(item.user_properties)
        if self.junit_records is not None:
            report.update(self.junit_records.report_fields(item.nodeid))
        exc = exc_info[1] if exc_info is not None else None
        unittest = sys.modules.get("unittest") if exc is not None else None
        if unittest is not None and isinstance(exc, unittest.SkipTest):
            try:
                skip(str(exc))  # pytest's site: unittest.py: lambda: pytest.skip(str(excinfo.value)), call.when
            except Skipped:
                exc_info = sys.exc_info()
                exc = exc_info[1]
        if exc is None:
            report["outcome"] = "passed"
        elif isinstance(exc, Skipped):
            report["outcome"] = "skipped"
            self._skip_triple(report, item, exc_info)
            if when == "setup" and "skip" in item.keywords and "pytestmark" not in item.keywords:
                # pytest's _folded_skips: an inherited skip mark, shown per file.
                report["skip_folded_per_file"] = True
        else:
            report["outcome"] = "failed"
            report.update(self._failure(item, exc))
        if exc is not None or item.stash.get("xfailed"):
            self._apply_xfail(report, item, when, exc)
        return report

    def _skip_triple(self, report: Dict[str, Any], item, exc_info) -> None:
        exc = exc_info[1]
        message = "Skipped: " + str(exc) if exc.msg is not None else "Skipped: <Skipped instance>"
        if exc._use_item_location:
            path, lineno, _domain = item.report_location()
            report.update(skip_path=path, skip_line=(lineno or 0) + 1, skip_reason=message)
            return
        from fastest.engine.longrepr_traceback import crash_entry, entries_of
        from fastest.engine.pytest_sites import translate

        entries = entries_of(exc)
        crash = crash_entry(entries) if entries else None
        path, line = translate(crash.code.co_filename, crash.lineno + 1) if crash else (item.path_str, 0)
        report.update(skip_path=path, skip_line=line, skip_reason=message)

    def _failure(self, item, exc: BaseException) -> Dict[str, Any]:
        if isinstance(exc, FixtureLookupError):
            return exc.report_fields(self.session.terminal)
        from fastest.engine.longrepr import render_failure

        # --fulltrace: pytest neither cuts nor filters, and renders long.
        whole = self.fulltrace
        rendered = render_failure(
            exc,
            style="long" if whole else self.tbstyle,
            showlocals=self.showlocals,
            invocation_dir=self.session.config.invocation_params.dir_str,
            verbosity=self.verbosity,
            cut_frames=None if whole else getattr(item, "function", None),
            keep_frame=getattr(item, "keep_traceback_entry", None),
            terminal=self.session.terminal,
        )
        return {key: value for key, value in rendered.items() if value is not None}

    def interruption(self, cause: BaseException) -> Dict[str, Any]:
        """The ``interrupted`` event for what stopped the run (a
        KeyboardInterrupt, pytest.exit()): pytest's memo of it
        (``excinfo.getrepr(funcargs=True)``), its crash entry and message,
        and the whole traceback, which --full-trace shows."""
        from fastest.engine.longrepr import render_failure

        rendered = render_failure(
            cause,
            style="long",
            showlocals=self.showlocals,
            invocation_dir=self.session.config.invocation_params.dir_str,
            verbosity=self.verbosity,
            cut_frames=None,
            terminal=self.session.terminal,
        )
        fields = ("longrepr", "longrepr_markup", "crash_path", "crash_line", "crash_message")
        return {
            "kind": "interrupted",
            "exit_status": interruption_exit_status(cause),
            **{key: rendered[key] for key in fields if rendered.get(key) is not None},
        }

    def _apply_xfail(self, report: Dict[str, Any], item, when: str, exc: Optional[BaseException]) -> None:
        """pytest's skipping.pytest_runtest_makereport, for a phase that
        raised or an item with an xfail mark (nothing to do otherwise)."""
        xfailed = item.stash.get("xfailed")
        if self.runxfail:
            return
        if isinstance(exc, XFailed):
            report["wasxfail"] = "reason: " + (exc.msg or "")
            report["outcome"] = "skipped"
        elif report["outcome"] != "skipped" and xfailed:
            if exc is not None:
                if xfailed.raises is not None and not isinstance(exc, xfailed.raises):
                    report["outcome"] = "failed"
                else:
                    report["outcome"] = "skipped"
                    report["wasxfail"] = xfailed.reason
            elif when == "call":
                if xfailed.strict:
                    from fastest.engine.longrepr import message_failure

                    report["outcome"] = "failed"
                    report.update(message_failure("[XPASS(strict)] " + xfailed.reason))
                else:
                    report["outcome"] = "passed"
                    report["wasxfail"] = xfailed.reason


_CURRENT_TEST = b"PYTEST_CURRENT_TEST"
_ENVIRON = type(os.environ)
# os.fsencode's encoding, fixed for the process (one Python call less per phase).
_FS_ENCODING = (sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())

try:
    # Built into fastest's interpreter (core/python/current_test_variable.c).
    import _fastest_current_test as _process_variable
except ImportError:  # a plain Python running the engine (fastest.engine.main)
    _process_variable = None


def _set_current_test(item, when: Optional[str]) -> None:
    """pytest's PYTEST_CURRENT_TEST: "<node id> (<phase>)" while a phase
    runs, removed once the item is torn down (code under test reads it to
    know it runs under pytest, and which test; subprocesses inherit it).
    Set in the process environment and in os.environ's own store, as
    ``os.environ[key] = value`` sets it, without that method's checks of
    the key and value, and, in fastest's interpreter, without setenv(3),
    which costs a trivial test more than the test itself. An idle teardown
    sets nothing before removing it, which the test may have done already.
    A test that put a mapping of its own in os.environ's place
    (``monkeypatch.setattr(os, "environ", {...})``) gets the value there
    alone, as pytest's ``os.environ[key] = value`` puts it."""
    environ = os.environ
    replaced = type(environ) is not _ENVIRON
    if when:
        text = f"{item.nodeid} ({when})".replace("\x00", "(null)")
        if replaced:
            environ["PYTEST_CURRENT_TEST"] = text
            return
        value = text.encode(*_FS_ENCODING)
        if _process_variable is not None:
            _process_variable.set(value)
        else:
            os.putenv(_CURRENT_TEST, value)
        environ._data[_CURRENT_TEST] = value
    elif replaced or _process_variable is None:
        environ.pop("PYTEST_CURRENT_TEST", None)
    else:
        _process_variable.clear()
        environ._data.pop(_CURRENT_TEST, None)


# The conftest hooks asked per item, by the runner's name for them.
_ITEM_HOOKS = {
    "setup": "pytest_runtest_setup",
    "call": "pytest_runtest_call",
    "teardown": "pytest_runtest_teardown",
    "makereport": "pytest_runtest_makereport",
    "logreport": "pytest_runtest_logreport",
    "logstart": "pytest_runtest_logstart",
    "logfinish": "pytest_runtest_logfinish",
    "assertrepr_compare": "pytest_assertrepr_compare",
}


def _reporters_place(report) -> None:
    """Where pytest's reporters are among the implementations of
    pytest_runtest_logreport (see ItemRunner._log_report)."""


def _reporters_have_it() -> None:
    """The reporters have the item's start or finish before its hooks run."""


def _add_output_sections(item, when: str, output) -> None:
    if output.out:
        item.add_report_section(when, "stdout", output.out)
    if output.err:
        item.add_report_section(when, "stderr", output.err)


def _phase_wrapper_around(wrapper: Callable, item, when: str) -> Iterator[None]:
    """A fixture module's phase wrapper as a hookwrapper (``yield`` when it
    has nothing to wrap in this phase)."""
    generator = wrapper(item, when)
    if generator is None:
        yield
    else:
        yield from generator


def _exc_info_of(function: Callable[[], None]) -> Optional[tuple]:
    try:
        function()
    except BaseException:
        return sys.exc_info()
    return None


def _report_base(item) -> Dict[str, Any]:
    """What every report of ``item`` carries, made at its first report."""
    base = item.stash.get(_report_base)
    if base is None:
        path, lineno, domain = item.location
        base = item.stash[_report_base] = {
            "kind": "test_report",
            "node_id": item.nodeid,
            "location_path": path,
            "location_line": -1 if lineno is None else lineno,
            "location_domain": domain,
            "node_kind": type(item).__name__,
        }
    return base


def _close_unawaited(result: Any) -> None:
    """Close a coroutine a test returned. pytest leaves it to the garbage
    collector, whose "coroutine ... was never awaited" RuntimeWarning then
    lands in whichever test's warnings happen to be recorded when the
    collector runs: in pytest's runs none (it collects between tests), in
    fastest's, which allocate far less, some later test. Closed, it says
    nothing, whenever it is freed."""
    close = getattr(result, "close", None)
    if close is not None and hasattr(result, "cr_frame"):
        close()


def _skip_async(item) -> None:
    warning = PytestUnhandledCoroutineWarning(_ASYNC_UNSUPPORTED.format(item.nodeid))
    warnings.warn(warning)  # pytest's site: python.py: warnings.warn(PytestUnhandledCoroutineWarning(msg.format(nodeid)))
    reason = "async def function and no async plugin installed (see warnings)"
    skip(reason=reason)  # pytest's site: python.py: skip(reason="async def function and no async plugin installed (see warnings)")
