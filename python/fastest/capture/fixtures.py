"""The ``capsys``, ``capsysbinary``, ``capfd`` and ``capfdbinary`` fixtures.

Each gives the test a ``CaptureFixture`` whose ``readouterr()`` returns what
was written since the last call.  The fixture's capture runs during the
test's phases, on top of the session's global capture; at the end of each
phase what the test did not read is also handed on to the global capture,
so it shows in the report's "Captured stdout" sections as in pytest.  Only
one of the four can be active per test: requesting a second one fails the
setup with pytest's message, raised through ``request.raiseerror``.
"""
from __future__ import annotations

import collections
import contextlib
from types import GenericAlias

import pytest

from fastest.capture.manager import StreamSet, current_manager
from fastest.capture.streams import FDCapture, SysCapture

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator, Optional

    from fastest.capture.streams import Captured

CaptureResult = collections.namedtuple("CaptureResult", ["out", "err"])
CaptureResult.__doc__ = "What ``readouterr()`` returns: ``out`` and ``err``."


class CaptureFixture:
    """Object returned by the capture fixtures."""

    # pytest's module: a failing test's traceback shows its fixture values.
    __module__ = "_pytest.capture"
    # Annotations name it as pytest's generic: CaptureFixture[str].
    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self, name: str, make_capture: Callable[[int], object], binary: bool) -> None:
        self.name = name
        self._make_capture = make_capture
        self._empty: Captured = b"" if binary else ""
        self._streams: Optional[StreamSet] = None
        self._captured_out = self._empty
        self._captured_err = self._empty

    def start(self) -> None:
        if self._streams is None:
            self._streams = StreamSet(None, self._make_capture(1), self._make_capture(2))
            self._streams.start()

    def close(self) -> None:
        if self._streams is not None:
            out, err = self._streams.flush_to_original()
            self._captured_out += out
            self._captured_err += err
            self._streams.stop()
            self._streams = None

    def readouterr(self) -> CaptureResult:
        """The output captured so far; resets the buffer."""
        out, err = self._captured_out, self._captured_err
        if self._streams is not None:
            new_out, new_err = self._streams.read()
            out += new_out
            err += new_err
        self._captured_out = self._captured_err = self._empty
        return CaptureResult(out, err)

    def suspend(self) -> None:
        if self._streams is not None:
            self._streams.suspend()

    def resume(self) -> None:
        if self._streams is not None:
            self._streams.resume()

    def is_started(self) -> bool:
        return self._streams is not None and self._streams.started

    @contextlib.contextmanager
    def disabled(self) -> Iterator[None]:
        """Temporarily disable capturing while inside the ``with`` block."""
        with current_manager().suspended():
            yield


def _capture_fixture(request, name: str, make_capture, binary: bool) -> Iterator[CaptureFixture]:
    manager = current_manager()
    fixture = CaptureFixture(name, make_capture, binary)
    manager.attach_fixture(fixture, name, request.raiseerror)
    fixture.start()
    yield fixture
    fixture.close()
    manager.detach_fixture()


@pytest.fixture
def capsys(request) -> Iterator[CaptureFixture]:
    """Capture writes to ``sys.stdout``/``sys.stderr`` as text."""
    yield from _capture_fixture(request, "capsys", SysCapture, binary=False)


@pytest.fixture
def capsysbinary(request) -> Iterator[CaptureFixture]:
    """Capture writes to ``sys.stdout``/``sys.stderr`` as bytes."""
    yield from _capture_fixture(request, "capsysbinary",
                                lambda fd: SysCapture(fd, binary=True), binary=True)


@pytest.fixture
def capfd(request) -> Iterator[CaptureFixture]:
    """Capture writes to file descriptors 1 and 2 as text."""
    yield from _capture_fixture(request, "capfd", FDCapture, binary=False)


@pytest.fixture
def capfdbinary(request) -> Iterator[CaptureFixture]:
    """Capture writes to file descriptors 1 and 2 as bytes."""
    yield from _capture_fixture(request, "capfdbinary",
                                lambda fd: FDCapture(fd, binary=True), binary=True)
