"""Warnings recorded around a test, as ``_pytest/warnings.py`` does.

Interface used by the engine core::

    catch_phase(*, ini_filters: list[str], cmdline_filters: list[str],
                mark_filters: list[str], nodeid: str)
        -> ContextManager[list[dict]]

        ``ini_filters`` are the ini ``filterwarnings`` lines, applied as
        regular expressions; ``cmdline_filters`` the ``-W`` options, whose
        message and module pytest escapes (literal text, module matched
        whole), taking precedence over the ini; ``mark_filters`` the
        arguments of ``@pytest.mark.filterwarnings`` marks in
        ``item.iter_markers`` order (nearest node first; a decorator above
        another comes first), each applied in turn as pytest does, so
        when two marks disagree the one applied last wins: the farthest
        (the module's over the class's over the function's; the lowest
        decorator of a function).  pytest wraps the whole run of an item (setup, call
        and teardown: one block per item, ``nodeid`` its id) and the whole
        collection (``nodeid=""``) in this.  Entering yields a list that,
        when the block exits, holds one event per warning::

            {"kind": "warning", "node_id": nodeid,
             "warning_message": "/abs/file.py:12: UserWarning: text\\n  source line\\n",
             "warning_category": "UserWarning",
             "location_path": "/abs/file.py", "location_line": 12}

        ``warning_message`` is pytest's ``warning_record_to_str``: the
        summary groups warnings by it and prints it indented by two spaces
        under the node ids (or, with no node id, under
        ``location_path`` relative to the invocation dir ``:line``).
        Filters with the ``error`` action turn warnings into exceptions
        inside the block.

    parse_warning_filter(arg: str, *, escape: bool) -> tuple
        pytest's parsing of one filter string into the arguments of
        ``warnings.filterwarnings``; raises ``WarningFilterError`` (a usage
        error, exit code 4) with pytest's message for a malformed one.
"""
from __future__ import annotations

import functools
import sys
import warnings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Sequence, Tuple, Type

_FILTER_DOC_URL = "https://docs.python.org/3/library/warnings.html#describing-warning-filters"
_RESOURCE_WARNING_URL = (
    "https://docs.pytest.org/en/stable/how-to/capture-warnings.html#resource-warnings"
)


class WarningFilterError(ValueError):
    """A ``-W`` / ``filterwarnings`` value that does not parse (a usage error)."""


def _filter_error(arg: str, error: str) -> WarningFilterError:
    return WarningFilterError(
        f"while parsing the following warning configuration:\n\n  {arg}\n\n"
        f"This error occurred:\n\n{error}\n"
    )


def _resolve_category(name: str) -> Type[Warning]:
    """The class named by ``name`` (builtin, or ``module.Class``)."""
    if not name:
        return Warning
    if "." in name:
        module_name, _, class_name = name.rpartition(".")
        module = __import__(module_name, None, None, [class_name])
    else:
        import builtins as module
        class_name = name
    category = getattr(module, class_name)
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"{category} is not a Warning subclass")
    return category


@functools.lru_cache(maxsize=None)
def parse_warning_filter(arg: str, *, escape: bool) -> Tuple[str, str, Type[Warning], str, int]:
    """See the module docstring.  Cached: the same filters apply to every
    item of a run."""
    parts = arg.split(":")
    if len(parts) > 5:
        from textwrap import dedent

        raise _filter_error(arg, dedent(f"""\
            Too many fields ({len(parts)}), expected at most 5 separated by colons:

              action:message:category:module:line

            For more information please consult: {_FILTER_DOC_URL}
            """))
    parts += [""] * (5 - len(parts))
    action_name, message, category_name, module, line_text = (p.strip() for p in parts)
    try:
        action = warnings._getaction(action_name)  # type: ignore[attr-defined]
    except warnings._OptionError as exc:  # type: ignore[attr-defined]
        raise _filter_error(arg, str(exc)) from None
    try:
        category = _resolve_category(category_name)
    except Exception as exc:
        import traceback

        raise _filter_error(arg, "".join(traceback.format_exception(exc))) from None
    if escape and (message or module):
        import re

        if message:
            message = re.escape(message)
        if module:
            module = re.escape(module) + r"\Z"
    lineno = 0
    if line_text:
        try:
            lineno = int(line_text)
            if lineno < 0:
                raise ValueError("number is negative")
        except ValueError as exc:
            raise _filter_error(arg, f"invalid lineno {line_text!r}: {exc}") from None
    return action, message, category, module, lineno


def warning_text(record: warnings.WarningMessage) -> str:
    """pytest's ``warning_record_to_str``: ``formatwarning`` output, plus
    where a leaked resource was allocated when tracemalloc knows it."""
    text = warnings.formatwarning(str(record.message), record.category, record.filename,
                                  record.lineno, record.line)
    if record.source is not None:
        try:
            import tracemalloc
        except ImportError:
            return text
        allocated = tracemalloc.get_object_traceback(record.source)
        if allocated is not None:
            text += "\nObject allocated at:\n" + "\n".join(allocated.format())
        else:
            text += "Enable tracemalloc to get traceback where the object was allocated.\n"
            text += f"See {_RESOURCE_WARNING_URL} for more info."
    return text


def warning_event(record: warnings.WarningMessage, nodeid: str) -> dict:
    from .pytest_sites import translate

    record.filename, record.lineno = translate(record.filename, record.lineno)
    return {
        "kind": "warning",
        "node_id": nodeid,
        "warning_message": warning_text(record),
        "warning_category": record.category.__name__,
        "location_path": record.filename,
        "location_line": record.lineno,
    }


@functools.lru_cache(maxsize=256)
def _filter_entries(ini_filters: Tuple[str, ...], cmdline_filters: Tuple[str, ...],
                    mark_filters: Tuple[str, ...], show_deprecations: bool) -> Tuple[tuple, ...]:
    """The ``warnings.filters`` entries the filters add, built once per
    distinct set (every item of a run shares the ini and -W ones)."""
    with warnings.catch_warnings():
        warnings.resetwarnings()
        if show_deprecations:
            # pytest shows deprecations unless Python's own -W says otherwise.
            warnings.filterwarnings("always", category=DeprecationWarning)
            warnings.filterwarnings("always", category=PendingDeprecationWarning)
        for arg in ini_filters:
            warnings.filterwarnings(*parse_warning_filter(arg, escape=False))
        for arg in cmdline_filters:
            warnings.filterwarnings(*parse_warning_filter(arg, escape=True))
        for arg in mark_filters:
            warnings.filterwarnings(*parse_warning_filter(arg, escape=False))
        return tuple(warnings.filters)


class not_caught:
    """What ``-p no:warnings`` leaves of a block: nothing. Warnings take
    Python's own course (the filters in force, printed to stderr, where
    the capture takes them), and no event reports them."""

    __slots__ = ()

    def __enter__(self) -> List[dict]:
        return []

    def __exit__(self, *exc_info: object) -> None:
        pass


class catch_phase:
    """See the module docstring. A class rather than a generator-based
    context manager, and ``warnings.catch_warnings(record=True)``'s work
    done in place (the filters copied with these in front, in one list;
    the module's filters state marked changed once each way): every item
    enters one."""

    __slots__ = ("_entries", "_nodeid", "_events", "_records", "_saved")

    def __init__(self, *, ini_filters: Sequence[str], cmdline_filters: Sequence[str],
                 mark_filters: Sequence[str], nodeid: str) -> None:
        self._entries = _filter_entries(tuple(ini_filters), tuple(cmdline_filters), tuple(mark_filters),
                                        not sys.warnoptions)
        self._nodeid = nodeid
        self._events: List[dict] = []

    def __enter__(self) -> List[dict]:
        module = warnings
        self._saved = (module.filters, module.showwarning, module._showwarnmsg_impl)  # type: ignore[attr-defined]
        module.filters = [*self._entries, *module.filters]
        module._filters_mutated()  # type: ignore[attr-defined]
        self._records: List[warnings.WarningMessage] = []
        module._showwarnmsg_impl = self._records.append  # type: ignore[attr-defined]
        module.showwarning = module._showwarning_orig  # type: ignore[attr-defined]
        return self._events

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._events.extend(warning_event(record, self._nodeid) for record in self._records)
        finally:
            module = warnings
            module.filters, module.showwarning, module._showwarnmsg_impl = self._saved  # type: ignore[attr-defined]
            module._filters_mutated()  # type: ignore[attr-defined]
