"""The session's capture: global capture per phase plus the capture fixture.

pytest keeps two levels.  The global capture (``--capture=fd|sys|tee-sys``,
nothing with ``-s``) runs during collection and each setup/call/teardown
phase, and what it caught becomes the report's "Captured stdout <phase>"
sections.  A ``capsys``/``capfd`` fixture, when the test uses one, captures
on top of it during the phases and takes its output first.  Between phases
everything is suspended so the runner's own output reaches the terminal.
"""
from __future__ import annotations

import contextlib

from fastest.capture.streams import FDCapture, SysCapture

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator, Optional

    from fastest.capture.streams import Captured

_current: Optional["CaptureManager"] = None


def current_manager() -> "CaptureManager":
    """The manager of the running session (the last one started)."""
    if _current is None:
        raise RuntimeError("no CaptureManager has been started")
    return _current


def _call(function: Callable[[], None]) -> None:
    function()


class StreamSet:
    """stdin/stdout/stderr captures driven together (pytest's MultiCapture)."""

    def __init__(self, stdin, stdout, stderr) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        # What suspend/resume switch (stdin stays captured), every item.
        self._outputs = [capture for capture in (stdout, stderr) if capture]
        self.started = False
        self._stopped = False

    @classmethod
    def for_method(cls, method: str) -> "StreamSet":
        if method == "fd":
            return cls(FDCapture(0), FDCapture(1), FDCapture(2))
        if method == "sys":
            return cls(SysCapture(0), SysCapture(1), SysCapture(2))
        if method == "no":
            return cls(None, None, None)
        if method == "tee-sys":
            return cls(None, SysCapture(1, tee=True), SysCapture(2, tee=True))
        raise ValueError(f"unknown capturing method: {method!r}")

    def start(self) -> None:
        for capture in (self.stdin, self.stdout, self.stderr):
            if capture:
                capture.start()
        self.started = True

    def suspend(self) -> None:
        for capture in self._outputs:
            capture.suspend()
        self.started = False

    def resume(self) -> None:
        for capture in self._outputs:
            capture.resume()
        self.started = True

    def read(self) -> "tuple[Captured, Captured]":
        out = self.stdout.snap() if self.stdout else ""
        err = self.stderr.snap() if self.stderr else ""
        return out, err

    def flush_to_original(self) -> "tuple[Captured, Captured]":
        """Read what is pending and write it to the real streams."""
        out, err = self.read()
        self.write_original(out, err)
        return out, err

    def write_original(self, out: Captured, err: Captured) -> None:
        """Write to the real streams, past the capture."""
        if out:
            self.stdout.write_original(out)
        if err:
            self.stderr.write_original(err)

    def terminal_descriptors(self) -> "list[tuple[int, int]]":
        """(1 or 2, the copy an fd capture restores it from) pairs."""
        return [(capture.fd, capture.terminal_fd) for capture in self._outputs if isinstance(capture, FDCapture)]

    def take_private_files(self) -> None:
        """After a fork: fd captures get files of this process's own (see
        FDCapture.take_private_file); in-memory ones are private already."""
        for capture in self._outputs:
            if isinstance(capture, FDCapture):
                capture.take_private_file()

    def stop(self) -> None:
        if self._stopped:
            raise ValueError("was already stopped")
        self._stopped = True
        self.started = False
        for capture in (self.stdout, self.stderr, self.stdin):
            if capture:
                capture.done()


class PhaseOutput:
    """One phase's capture as a ``with`` block (every item runs three, so a
    plain class rather than a generator-based context manager); once the
    block exits, ``out``/``err`` hold what the phase printed."""

    __slots__ = ("out", "err", "_manager")

    def __init__(self, manager: "CaptureManager") -> None:
        self.out = ""
        self.err = ""
        self._manager = manager

    def __enter__(self) -> "PhaseOutput":
        manager = self._manager
        if not manager._held:
            manager._resume_global()
        if manager._fixture:
            manager._fixture.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        manager = self._manager
        if manager._fixture:
            manager._fixture.close()
        if not manager._held:
            manager._suspend_global()
        if manager._global is not None:
            self.out, self.err = manager._global.read()


class CaptureManager:
    """Global capture of a session, and the slot for one capture fixture.

    ``method`` is pytest's ``--capture`` value: "fd", "sys", "tee-sys" or
    "no" (``-s``).  Create one per session even for "no": the capture
    fixtures work in every mode.
    """

    def __init__(self, method: str = "fd") -> None:
        self.method = method
        self._global: Optional[StreamSet] = None
        self._fixture = None
        self._held = False
        # Called when output is let through to the terminal (suspended()),
        # before any of it is written: the session emits a "flush" event
        # there, so reporters write out what they hold first.
        self.before_terminal_output: Optional[Callable[[], None]] = None

    @property
    def holds_output(self) -> bool:
        """True when nothing a phase writes reaches the terminal ("fd"):
        the session may then keep capturing from one item to the next and
        emit their reports later, and the terminal shows the same. With
        "no", "tee-sys" and "sys" (which lets writes to the descriptors
        through) the test's output interleaves with the reporter's, so each
        report must be emitted when its phase ends."""
        return self.method == "fd"

    def hold(self) -> None:
        """Keep capturing between phases until ``release``: each phase still
        gets its own output (``phase`` reads and empties the capture at its
        end) without suspending and resuming, which for "fd" costs two
        ``dup2`` per stream per phase. Between held phases only the runner's
        bookkeeping runs, which writes nothing."""
        self._resume_global()
        self._held = True

    def release(self) -> None:
        """End ``hold``: suspend, so the runner's own output gets through."""
        self._held = False
        self._suspend_global()

    @contextlib.contextmanager
    def between_phases(self) -> Iterator[None]:
        """Run code outside every phase's capture (a conftest's hookwrapper
        around a phase, registered after pytest's capture plugin) while
        held: what it writes reaches the terminal, after what the
        reporters hold, as pytest lets it through."""
        if not self._held:
            yield
            return
        self.release()
        if self.before_terminal_output is not None:
            self.before_terminal_output()
        try:
            yield
        finally:
            self.hold()

    @contextlib.contextmanager
    def hook_output(self, drop: bool) -> Iterator[Callable[[Callable[[], None]], None]]:
        """Around a hook pytest calls between phases, outside its capture
        (a conftest's pytest_runtest_logreport), which may write to the
        terminal around what the reporters write for the same report: the
        implementations pluggy calls before pytest's reporters (a
        subfolder's conftest) before it, the others after it. Yields
        ``reporting``, which the hook's call gives the function that hands
        the report to the reporters (a function doing nothing when they
        have it already). While held the capture stays on (suspending it
        costs two ``dup2`` per stream, and such hooks rarely write): what
        the hook wrote before the reporters is written out before what they
        hold of the report, the rest afterwards. Otherwise it gets through
        as it comes, the reporters writing theirs out at once. ``drop``:
        nowhere (a worker's, which its parent prints)."""
        if drop and not self._held:
            from fastest.worker_output import dropped

            with dropped():
                yield _call
        elif drop:
            try:
                yield _call
            finally:
                self._global.read()
        elif not self._held:
            yield self._reporting_through
        else:
            try:
                yield self._reporting_held
            finally:
                self._write_out_held()

    def _reporting_through(self, hand_over: Callable[[], None]) -> None:
        hand_over()
        self._before_output()

    def _reporting_held(self, hand_over: Callable[[], None]) -> None:
        self._write_out_held()
        hand_over()

    def _write_out_held(self) -> None:
        """What the capture holds, out after what the reporters hold."""
        out, err = self._global.read()
        if out or err:
            with self.between_phases():
                self._global.write_original(out, err)

    def _before_output(self) -> None:
        if self.before_terminal_output is not None:
            self.before_terminal_output()

    def after_fork(self) -> None:
        """In a freshly forked worker: the capture's files become its own,
        its objects stay (module code may hold ``sys.stdout``)."""
        if self._global is not None:
            self._global.take_private_files()

    def terminal_descriptors(self) -> "list[tuple[int, int]]":
        """The copies of descriptors 1 and 2 the global capture restores
        them from when it suspends (fd capture only): while the session
        collects, the host diverts them with 1 and 2 themselves."""
        return self._global.terminal_descriptors() if self._global is not None else []

    def write_out_pending(self) -> None:
        """Write what the capture holds and no phase read to the real
        streams (pytest does so when its initial conftests fail)."""
        if self._global is not None:
            self._global.flush_to_original()

    def start(self) -> None:
        """Begin capturing, suspended until the first ``phase``; this
        manager becomes the one capture fixtures attach to."""
        global _current
        self._global = StreamSet.for_method(self.method)
        self._global.start()
        self._global.suspend()
        _current = self

    def stop(self) -> None:
        """Write out anything still captured and restore the real streams."""
        global _current
        if self._global is not None:
            self._global.flush_to_original()
            self._global.stop()
            self._global = None
        if _current is self:
            _current = None

    def phase(self) -> PhaseOutput:
        """Capture one phase (collection of a file, setup, call, teardown)
        as a ``with`` block; the object entered holds ``out``/``err`` once
        the block exits."""
        return PhaseOutput(self)

    @contextlib.contextmanager
    def suspended(self) -> Iterator[None]:
        """Let output through to the terminal for a while (the runner's own
        printing, ``capsys.disabled()``)."""
        fixture_was_on = self._fixture is not None and self._fixture.is_started()
        if fixture_was_on:
            self._fixture.suspend()
        global_was_on = self._global is not None and self._global.started
        if global_was_on:
            self._global.suspend()
            if self.before_terminal_output is not None:
                self.before_terminal_output()
        try:
            yield
        finally:
            if global_was_on:
                self._global.resume()
            if fixture_was_on:
                self._fixture.resume()

    def attach_fixture(self, fixture, name: str, raise_error) -> None:
        """Make ``fixture`` the test's capture fixture; a second one is an
        error raised through ``raise_error(message)`` (the request's
        ``raiseerror``), with pytest's wording."""
        if self._fixture is not None:
            raise_error(f"cannot use {name} and {self._fixture.name} at the same time")
        self._fixture = fixture

    def detach_fixture(self) -> None:
        self._fixture = None

    def _resume_global(self) -> None:
        if self._global is not None:
            self._global.resume()

    def _suspend_global(self) -> None:
        if self._global is not None:
            self._global.suspend()
