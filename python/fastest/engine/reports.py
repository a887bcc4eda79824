"""What a conftest's ``pytest_runtest_makereport`` sees: pytest's
``CallInfo`` of the phase, and its ``TestReport`` as a view of the engine's
``test_report`` event (docs/engine-events.md), so that what a hookwrapper
changes (``outcome``, ``longrepr``, ``sections``, ``wasxfail``) is what the
reporters get."""
from __future__ import annotations

from fastest.junit_records import properties_field
from fastest.pytest_api.expected_exceptions import ExceptionInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Tuple

# The event's keys that describe its longrepr.
_LONGREPR_KEYS = ("longrepr", "longrepr_markup", "longrepr_form", "crash_path", "crash_line", "crash_message", "skip_path", "skip_line", "skip_reason", "skip_folded_per_file")


class CallInfo:
    """pytest's CallInfo of a phase: ``when``, ``excinfo`` (an ExceptionInfo
    or None), ``start``, ``stop``, ``duration``; ``result`` is None (what a
    phase returns is not kept)."""

    def __init__(self, when: str, exc_info: Optional[tuple], start: float, duration: float) -> None:
        self.when = when
        self.excinfo = ExceptionInfo.from_exc_info(exc_info) if exc_info is not None else None
        self.start = start
        self.stop = start + duration
        self.duration = duration
        self.result = None

    def __repr__(self) -> str:
        if self.excinfo is None:
            return f"<CallInfo when={self.when!r} result: None>"
        return f"<CallInfo when={self.when!r} excinfo={self.excinfo!r}>"


class ExceptionChainRepr:
    """A failure's longrepr, named as pytest's: ``str()`` is the text pytest
    prints under the test's header, ``reprcrash`` where it crashed (or
    None)."""

    def __init__(self, event: Dict[str, Any]) -> None:
        self._text = event.get("longrepr", "")
        has_crash = event.get("crash_path") is not None
        self.reprcrash = _ReprCrash(event["crash_path"], event.get("crash_line", 0), event.get("crash_message", "")) if has_crash else None

    def __str__(self) -> str:
        return self._text


class _ReprCrash:
    def __init__(self, path: str, lineno: int, message: str) -> None:
        self.path = path
        self.lineno = lineno
        self.message = message


class _OutcomeFlags:
    """pytest's BaseReport ``passed``/``failed``/``skipped``, from ``outcome``."""

    outcome: str

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    @property
    def skipped(self) -> bool:
        return self.outcome == "skipped"


class TestReport(_OutcomeFlags):
    """pytest's TestReport over a ``test_report`` event of ``item``."""

    __test__ = False  # not a test class, whatever collects this module

    nodeid: str
    when: str
    location: Tuple[str, Optional[int], str]
    keywords: Dict[str, int]
    user_properties: List[Tuple[str, object]]
    sections: List[Tuple[str, str]]
    duration: float

    def __init__(self, event: Dict[str, Any], item: Any) -> None:
        # Set in one call, past __setattr__: a report per phase of every
        # item when a conftest implements pytest_runtest_logreport.
        self.__dict__.update(
            _event=event,
            nodeid=event["node_id"],
            when=event["phase"],
            location=item.location,
            keywords=dict.fromkeys(item.keywords, 1),
            user_properties=list(item.user_properties),
            sections=[tuple(section) for section in event.get("sections", ())],
            duration=event.get("duration", 0.0),
        )

    # --- outcome ---
    @property
    def outcome(self) -> str:
        return self._event["outcome"]

    @outcome.setter
    def outcome(self, value: str) -> None:
        self._event["outcome"] = value

    def __getattr__(self, name: str) -> Any:
        # Only xfail/xpass reports have one, as in pytest.
        if name == "wasxfail" and "wasxfail" in self._event:
            return self._event["wasxfail"]
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "wasxfail":
            self._event["wasxfail"] = str(value)
        else:
            object.__setattr__(self, name, value)

    # --- longrepr ---
    @property
    def longrepr(self) -> Any:
        """None when passed, the skip triple when skipped, a str when pytest
        keeps one (a strict xpass's message), else the failure."""
        event = self._event
        if "skip_path" in event:
            return (event["skip_path"], event.get("skip_line", 0), event.get("skip_reason", ""))
        if "longrepr" not in event:
            return None
        if event.get("longrepr_form") == "text":
            # Written out as a line: the event's text ends with its newline.
            return event["longrepr"][:-1] if event["longrepr"].endswith("\n") else event["longrepr"]
        return ExceptionChainRepr(event)

    @longrepr.setter
    def longrepr(self, value: Any) -> None:
        event = self._event
        for key in _LONGREPR_KEYS:
            event.pop(key, None)
        if isinstance(value, tuple) and len(value) == 3:
            event.update(skip_path=str(value[0]), skip_line=int(value[1]), skip_reason=str(value[2]))
        elif value is not None:
            # Written out as a line, as pytest writes a str longrepr.
            event.update(longrepr=str(value) + "\n", longrepr_form="text")

    @property
    def longreprtext(self) -> str:
        longrepr = self.longrepr
        return "" if longrepr is None else str(longrepr)

    # --- captured output ---
    def _sections_starting(self, prefix: str) -> str:
        return "".join(content for title, content in self.sections if title.startswith(prefix))

    @property
    def capstdout(self) -> str:
        return self._sections_starting("Captured stdout")

    @property
    def capstderr(self) -> str:
        return self._sections_starting("Captured stderr")

    @property
    def caplog(self) -> str:
        return "\n".join(content for title, content in self.sections if title.startswith("Captured log"))

    @property
    def head_line(self) -> Optional[str]:
        return self.location[2] if self.location is not None else None

    def event(self) -> Dict[str, Any]:
        """The event as the hooks left it."""
        event = self._event
        if self.sections:
            event["sections"] = [list(section) for section in self.sections]
        else:
            event.pop("sections", None)
        if self.user_properties:
            event["properties"] = properties_field(self.user_properties)
        else:
            event.pop("properties", None)
        event["duration"] = self.duration
        return event

    def __repr__(self) -> str:
        return f"<TestReport {self.nodeid!r} when={self.when!r} outcome={self.outcome!r}>"


class CollectReport(_OutcomeFlags):
    """pytest's CollectReport over a ``collect_report`` event (a collection
    error, a module-level skip), as a terminal summary reads it."""

    __test__ = False
    when = "collect"

    def __init__(self, event: Dict[str, Any]) -> None:
        self._event = event
        self.nodeid: str = event["node_id"]
        self.outcome: str = event["outcome"]

    @property
    def longreprtext(self) -> str:
        return self._event.get("longrepr") or self._event.get("skip_reason", "")
