"""Capture of one standard stream, by ``sys`` attribute or by file descriptor.

pytest's capture rests on these: ``SysCapture`` swaps ``sys.stdout`` (or
err/in) for an in-memory file; ``FDCapture`` additionally points the file
descriptor itself at a temporary file with ``dup2``, so output of C code,
``os.write`` and child processes is caught too, and makes ``sys.stdout``
write into the same file so Python and fd output keep their order.
stdin becomes a reader that refuses to read, with pytest's message.
Each capture can be suspended (the real stream comes back) and resumed;
``snap`` takes what was written so far and empties the buffer; most phases
print nothing, so an untouched buffer is answered without reading it.
"""
from __future__ import annotations

import io
import os
import sys
from io import UnsupportedOperation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, TextIO, Union

    Captured = Union[str, bytes]

_SYS_NAMES = {0: "stdin", 1: "stdout", 2: "stderr"}


def _temporary_file() -> io.FileIO:
    """An anonymous read-write file for fd capture: a memfd where Linux has
    it (no file system, and no ``tempfile`` import), else ``TemporaryFile``."""
    if hasattr(os, "memfd_create"):
        return io.FileIO(os.memfd_create("fastest-capture", os.MFD_CLOEXEC), "rb+")
    from tempfile import TemporaryFile

    return TemporaryFile(buffering=0)


class CaptureIO(io.TextIOWrapper):
    """In-memory text file whose raw UTF-8 bytes stay readable."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="UTF-8", newline="", write_through=True)

    def getvalue(self) -> str:
        return self.buffer.getvalue().decode("UTF-8")  # type: ignore[attr-defined]


class TeeCaptureIO(CaptureIO):
    """``--capture=tee-sys``: captures and also writes through."""

    def __init__(self, other: TextIO) -> None:
        self._other = other
        super().__init__()

    def write(self, s: str) -> int:
        super().write(s)
        return self._other.write(s)


class EncodedFile(io.TextIOWrapper):
    """Text face of the fd capture's temporary file, as ``sys.stdout``."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return repr(self.buffer)

    @property
    def mode(self) -> str:
        return self.buffer.mode.replace("b", "")


class DontReadFromInput:
    """``sys.stdin`` while capturing: reading is an error, as in pytest."""

    # pytest's module: a failing test's traceback shows the object's repr.
    __module__ = "_pytest.capture"

    encoding = None

    def read(self, *args):
        raise OSError(
            "pytest: reading from stdin while output is captured!  Consider using `-s`."
        )

    readline = read
    readlines = read
    __next__ = read

    def __iter__(self):
        return self

    def fileno(self) -> int:
        raise UnsupportedOperation("redirected stdin is pseudofile, has no fileno()")

    def flush(self) -> None:
        raise UnsupportedOperation("redirected stdin is pseudofile, has no flush()")

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        pass

    def readable(self) -> bool:
        return False

    def seek(self, offset: int) -> int:
        raise UnsupportedOperation("redirected stdin is pseudofile, has no seek(int)")

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        raise UnsupportedOperation("redirected stdin is pseudofile, has no tell()")

    def truncate(self, size: int) -> None:
        raise UnsupportedOperation("cannont truncate stdin")

    def write(self, *args) -> None:
        raise UnsupportedOperation("cannot write to stdin")

    def writelines(self, *args) -> None:
        raise UnsupportedOperation("Cannot write to stdin")

    def writable(self) -> bool:
        return False

    @property
    def buffer(self):
        return self


class SysCapture:
    """Replaces ``sys.<stream>`` by a capture file while started."""

    def __init__(self, fd: int, tmpfile=None, *, binary: bool = False, tee: bool = False) -> None:
        self.name = _SYS_NAMES[fd]
        self.binary = binary
        # What ``snap`` returns when nothing was written: most phases.
        self.empty: Captured = b"" if binary else ""
        self._original = getattr(sys, self.name)
        if tmpfile is None:
            if self.name == "stdin":
                tmpfile = DontReadFromInput()
            else:
                tmpfile = TeeCaptureIO(self._original) if tee else CaptureIO()
        self.tmpfile = tmpfile
        self._done = False

    def start(self) -> None:
        setattr(sys, self.name, self.tmpfile)

    def snap(self) -> Captured:
        if isinstance(self.tmpfile, CaptureIO) and not self.tmpfile.buffer.tell():
            return self.empty
        if self.binary:
            self.tmpfile.seek(0)
            data = self.tmpfile.buffer.read()
        else:
            data = self.tmpfile.getvalue()
        self.tmpfile.seek(0)
        self.tmpfile.truncate()
        return data

    def done(self) -> None:
        if self._done:
            return
        setattr(sys, self.name, self._original)
        self.tmpfile.close()
        self._done = True

    def suspend(self) -> None:
        setattr(sys, self.name, self._original)

    def resume(self) -> None:
        setattr(sys, self.name, self.tmpfile)

    def write_original(self, data: Captured) -> None:
        """Hand captured output on to the real stream (fixture teardown)."""
        if self.binary:
            self._original.flush()
            self._original.buffer.write(data)
            self._original.buffer.flush()
        else:
            self._original.write(data)
            self._original.flush()


class FDCapture:
    """Points file descriptor ``fd`` at a temporary file while started."""

    def __init__(self, fd: int, *, binary: bool = False) -> None:
        self.fd = fd
        self.binary = binary
        # What ``snap`` returns when nothing was written: most phases.
        self.empty: Captured = b"" if binary else ""
        self._stand_in: Optional[int] = None
        try:
            os.fstat(fd)
        except OSError:
            # A closed fd still gets a capture; a null device stands in so the
            # saved copy and the restore below work the same way.
            self._stand_in = os.open(os.devnull, os.O_RDWR)
            os.dup2(self._stand_in, fd)
        self._saved_fd = os.dup(fd)
        if fd == 0:
            self.tmpfile = open(os.devnull, encoding="utf-8")
            self.sys_capture: Optional[SysCapture] = SysCapture(fd)
        else:
            self.tmpfile = EncodedFile(_temporary_file(), encoding="utf-8",
                                       errors="replace", newline="", write_through=True)
            self.sys_capture = SysCapture(fd, self.tmpfile) if fd in _SYS_NAMES else None
        # Asked for by every phase (snap) and every switch: fileno() on a
        # text file goes through two layers of calls each time.
        self._tmp_fd = self.tmpfile.fileno()
        self._state = "initialized"

    def start(self) -> None:
        os.dup2(self._tmp_fd, self.fd)
        if self.sys_capture:
            self.sys_capture.start()
        self._state = "started"

    def take_private_file(self) -> None:
        """In a freshly forked process: put a temporary file of its own
        under the descriptor the inherited one (shared with the parent and
        every sibling) had, keeping every object, since module code that
        kept ``sys.stdout`` at import must still hold what tests print to."""
        if self.fd == 0:
            return
        fresh = _temporary_file()
        os.dup2(fresh.fileno(), self._tmp_fd, inheritable=False)
        fresh.close()
        self.tmpfile.seek(0)
        if self._state == "started":
            os.dup2(self._tmp_fd, self.fd)

    def snap(self) -> Captured:
        # The descriptor shares its offset with ``fd``: 0 means nothing written.
        if not os.lseek(self._tmp_fd, 0, os.SEEK_CUR):
            return self.empty
        self.tmpfile.seek(0)
        data = self.tmpfile.buffer.read() if self.binary else self.tmpfile.read()
        self.tmpfile.seek(0)
        self.tmpfile.truncate()
        return data

    def done(self) -> None:
        if self._state == "done":
            return
        os.dup2(self._saved_fd, self.fd)
        os.close(self._saved_fd)
        if self._stand_in is not None:
            if self._stand_in != self.fd:
                os.close(self.fd)
            os.close(self._stand_in)
        if self.sys_capture:
            self.sys_capture.done()
        self.tmpfile.close()
        self._state = "done"

    def suspend(self) -> None:
        if self._state != "started":
            return
        if self.sys_capture:
            self.sys_capture.suspend()
        os.dup2(self._saved_fd, self.fd)
        self._state = "suspended"

    def resume(self) -> None:
        if self._state != "suspended":
            return
        if self.sys_capture:
            self.sys_capture.resume()
        os.dup2(self._tmp_fd, self.fd)
        self._state = "started"

    @property
    def terminal_fd(self) -> int:
        """The copy of the real descriptor that suspending puts back."""
        return self._saved_fd

    def write_original(self, data: Captured) -> None:
        """Hand captured output on to the real descriptor."""
        os.write(self._saved_fd, data if self.binary else data.encode("utf-8"))
