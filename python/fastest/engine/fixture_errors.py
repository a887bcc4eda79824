"""Errors of fixture resolution and their report text, as pytest prints
them: a missing fixture (with the list of available ones), a recursive
dependency, a scope mismatch."""
from __future__ import annotations

from .introspection import get_real_func, source_location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Optional, Tuple


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
        (terminal_writer.Terminal); worked out once, written for each."""
        parts = self._repr_parts()
        fields = {"longrepr": _write(terminal.plain(), *parts), "crash_path": None,
                  "crash_line": None, "crash_message": None}
        coloured = terminal.coloured()
        if coloured is not None:
            fields["longrepr_markup"] = _write(coloured, *parts)
        return fields

    def _repr_parts(self) -> Tuple[List[str], str, str]:
        """pytest's formatrepr: the requesting functions' source lines, the
        message and the ``path:line`` the report ends with."""
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
        return lines, msg, f"{path}:{lineno + 1}"


def _write(out, lines: List[str], message: str, location: str) -> str:
    """FixtureLookupErrorRepr.toterminal: the source lines, the message in
    red, then the location."""
    for line in lines:
        out.line(line.rstrip())
    message_lines = message.split("\n")
    out.line(f"E       {message_lines[0].strip()}", red=True)
    for line in message_lines[1:]:
        out.line(f">       {line.strip()}", red=True)
    out.line()
    out.line(location)
    return out.text()
