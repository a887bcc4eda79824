"""The text pytest's TerminalWriter writes, collected: what a failure's
report looks like on the terminal.

Without ``markup`` it is the plain text every reporter gets. With it, it is
what pytest writes to a coloured terminal: ``line(text, red=True)`` wrapped
in pytest's escape codes, and ``source`` lines highlighted by pygments as
pytest highlights them (when the tests' environment has pygments, unless
``--code-highlight=no``), themed by ``$PYTEST_THEME`` and
``$PYTEST_THEME_MODE``."""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Sequence

def terminal_width() -> int:
    """pytest's get_terminal_width, measured now: shutil's terminal size
    (COLUMNS, else the terminal on standard output, else 80), and 80 below
    40; the console reporter measures it the same way
    (plugins/reporters/console/settings.c)."""
    try:
        width = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        width = 0
    if width <= 0:
        try:
            width = os.get_terminal_size(1).columns
        except OSError:
            width = 80
    return 80 if width < 40 else width


# pytest's TerminalWriter._esctable.
_ESCAPES = {
    "black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "purple": 35, "cyan": 36, "white": 37,
    "Black": 40, "Red": 41, "Green": 42, "Yellow": 43, "Blue": 44, "Purple": 45, "Cyan": 46, "White": 47,
    "bold": 1, "light": 2, "blink": 5, "invert": 7,
}


class TextWriter:
    """Collects terminal lines, as pytest's TerminalWriter writes them
    (``write``, ``line``, ``sep``, ``fullwidth``, ``hasmarkup``: what a
    conftest's terminal summary may call on ``terminalreporter._tw``)."""

    def __init__(self, width: int, *, markup: bool = False, code_highlight: bool = True) -> None:
        self.width = width
        self.markup = markup
        self.code_highlight = code_highlight
        self.parts: List[str] = []

    @property
    def fullwidth(self) -> int:
        return self.width

    @property
    def hasmarkup(self) -> bool:
        return self.markup

    def write(self, text: str, *, flush: bool = False, **markup: bool) -> None:
        for name in markup:
            if name not in _ESCAPES:
                raise ValueError(f"unknown markup: {name!r}")
        if self.markup:
            codes = [_ESCAPES[name] for name, on in markup.items() if on]
            if codes:
                text = "".join(f"\x1b[{code}m" for code in codes) + text + "\x1b[0m"
        self.parts.append(text)

    def flush(self) -> None:
        pass

    def line(self, text: str = "", **markup: bool) -> None:
        self.write(text, **markup)
        self.parts.append("\n")

    def source(self, lines: Sequence[str], indents: Sequence[str]) -> None:
        """pytest's ``_write_source``: the lines joined, highlighted, split
        again with ``splitlines``, each after its indent."""
        for indent, line in zip(indents, self._highlight("\n".join(lines)).splitlines()):
            self.line(indent + line)

    def sep(self, sepchar: str, title: Optional[str] = None, fullwidth: Optional[int] = None, **markup: bool) -> None:
        """pytest's separator line: ``sepchar`` across the width, ``title``
        in its middle."""
        width = self.width if fullwidth is None else fullwidth
        if title is not None:
            fill = sepchar * max((width - len(title) - 2) // (2 * len(sepchar)), 1)
            line = f"{fill} {title} {fill}"
        else:
            line = sepchar * (width // len(sepchar))
        if len(line) + len(sepchar.rstrip()) <= width:
            line += sepchar.rstrip()
        self.line(line, **markup)

    def text(self) -> str:
        return "".join(self.parts)

    def _highlight(self, source: str) -> str:
        if not self.markup or not self.code_highlight:
            return source
        try:
            from pygments import highlight
            from pygments.formatters.terminal import TerminalFormatter
            from pygments.lexers.python import PythonLexer
        except ImportError:
            return source
        try:
            return highlight(source, PythonLexer(), TerminalFormatter(
                bg=os.getenv("PYTEST_THEME_MODE", "dark"), style=os.getenv("PYTEST_THEME")))
        except Exception:  # a theme pygments does not know: pytest refuses it, fastest shows it plain
            return source


class Terminal:
    """What a run's failure texts are written for: the terminal's width,
    whether its report is coloured (the core's ``fastest_markup``) and
    whether code is highlighted (``--code-highlight``)."""

    __slots__ = ("width", "markup", "code_highlight")

    def __init__(self, width: int, markup: bool = False, code_highlight: bool = True) -> None:
        self.width = width
        self.markup = markup
        self.code_highlight = code_highlight

    def plain(self) -> TextWriter:
        """A writer of the text every reporter gets."""
        return TextWriter(self.width)

    def coloured(self) -> Optional[TextWriter]:
        """A writer of the coloured terminal's text; None when it is not."""
        return TextWriter(self.width, markup=True, code_highlight=self.code_highlight) if self.markup else None
