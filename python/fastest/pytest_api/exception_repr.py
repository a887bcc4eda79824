"""What ``ExceptionInfo.getrepr`` returns: pytest's ExceptionChainRepr (its
ReprExceptionInfo for the "native" style), holding the rendered text and
the crash location, which is what tests read of it: ``str()``,
``reprcrash`` and ``toterminal``."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class ReprFileLocation:
    """Where the exception was raised: file, 1-based line, ``Type: message``."""

    __module__ = "_pytest._code.code"
    __slots__ = ("path", "lineno", "message")

    def __init__(self, path: str, lineno: int, message: str) -> None:
        self.path = path
        self.lineno = lineno
        self.message = message

    def __repr__(self) -> str:
        return f"ReprFileLocation(path={self.path!r}, lineno={self.lineno!r}, message={self.message!r})"


class ExceptionRepr:
    """A rendered exception; ``str()`` gives the text as pytest's does;
    ``reprcrash`` is None for the "value" style."""

    __module__ = "_pytest._code.code"

    def __init__(self, text: str, reprcrash: Optional[ReprFileLocation]) -> None:
        self._text = text
        self.reprcrash = reprcrash

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<{self.__class__} instance at {id(self):0x}>"

    def toterminal(self, tw: Any) -> None:
        for line in self._text.split("\n"):
            tw.line(line)


class ExceptionChainRepr(ExceptionRepr):
    """The exception and those it was raised from or while handling."""


class ReprExceptionInfo(ExceptionRepr):
    """The "native" style: Python's own traceback text."""
