"""Errors of fixture resolution and their report text, as pytest prints
them: a missing fixture (with the list of available ones), a recursive
dependency, a scope mismatch."""
from __future__ import annotations

from .introspection import get_real_func, source_location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional


class FixtureLookupError(LookupError):
    """A requested fixture is missing or cannot be provided."""

    def __init__(self, argname: Optional[str], request, msg: Optional[str] = None) -> None:
        self.argname = argname
        self.request = request
        self.fixturestack = request._get_fixturestack()
        self.msg = msg

    def report_fields(self, terminal) -> dict:
        """The failed report's longrepr (pytest's FixtureLookupErrorRepr:
        no reprcrash), coloured too on a coloured terminal
        (terminal_writer.Terminal)."""
        fields = {"longrepr": self._write(terminal.plain()), "crash_path": None,
                  "crash_line": None, "crash_message": None}
        coloured = terminal.coloured()
        if coloured is not None:
            fields["longrepr_markup"] = self._write(coloured)
        return fields

    def _write(self, out) -> str:
        """The report text (FixtureLookupErrorRepr.toterminal): the
        requesting functions' sources, the message in red."""
        lines: List[str] = []
        stack = [self.request._pyfuncitem.obj]
        stack.extend(fixturedef.func for fixturedef in self.fixturestack)
        msg = self.msg
        if msg is not None:
            # The last fixture raised the error: show the requesting side.
            stack = stack[:-1]
        path, lineno = "", 0
        for function in stack:
            path, lineno = source_location(function)
            try:
                import inspect

                source, _ = inspect.getsourcelines(get_real_func(function))
            except (OSError, IndexError, TypeError):
                lines.append(f"file {path}, line {lineno + 1}: source code not available")
                continue
            lines.append(f"file {path}, line {lineno + 1}")
            for line in source:
                line = line.rstrip()
                lines.append("  " + line)
                if line.lstrip().startswith("def"):
                    break
        if msg is None:
            manager = self.request._fixturemanager
            available = manager.visible_names(self.request._pyfuncitem.parent.nodeid)
            if self.argname in available:
                msg = f" recursive dependency involving fixture '{self.argname}' detected"
            else:
                msg = f"fixture '{self.argname}' not found"
            msg += "\n available fixtures: {}".format(", ".join(available))
            msg += "\n use 'pytest --fixtures [testpath]' for help on them."
        for line in lines:
            out.line(line.rstrip())
        message_lines = msg.split("\n")
        out.line(f"E       {message_lines[0].strip()}", red=True)
        for line in message_lines[1:]:
            out.line(f">       {line.strip()}", red=True)
        out.line()
        out.line(f"{path}:{lineno + 1}")
        return out.text()
