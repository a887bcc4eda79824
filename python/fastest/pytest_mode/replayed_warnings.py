"""Workers' warnings for the process that forked them, as pytest-xdist
carries them to its controller.

xdist's controller gives every warning its workers record to its own
pytest_warning_recorded implementations (a plugin logging warnings, a
conftest collecting them), rebuilt from what the worker sent: the
message's class made again from the warning's args when they travel
(else a Warning naming the class and its text), the category, file, line
and source line. fastest's workers send the same in the warning event's
``warning_record`` (docs/engine-events.md), as JSON: args that JSON does
not carry (xdist's execnet does not carry them all either) leave the
message to the fallback. Classes are found by their qualified names, so a
warning class nested in a class comes back too (xdist's name lookup
fails there), and one whose __init__ does not take its args is made
without it (xdist's controller gives a Warning there).
"""
from __future__ import annotations

import importlib
import json
import warnings
from typing import Any, Dict, Optional, Tuple

# WarningMessage's attributes past message and category.
_DETAILS = ("filename", "lineno", "file", "line", "source")


def warning_record(warning_message: warnings.WarningMessage, when: str) -> str:
    """What a worker sends of a warning pytest_warning_recorded heard."""
    message = warning_message.message
    record: Dict[str, Any] = {"when": when, "message_str": str(message), "message_class": None, "message_args": None}
    if isinstance(message, Warning):
        record["message_class"] = _class_path(type(message))
        args = list(message.args)
        record["message_args"] = args if _travels(args) else None
    category = warning_message.category
    record["category_class"] = _class_path(category) if category else None
    for name in _DETAILS:
        value = getattr(warning_message, name, None)
        record[name] = value if _travels(value) else repr(value)
    return json.dumps(record)


def warning_from_record(text: str) -> Tuple[warnings.WarningMessage, str]:
    """The warning a worker recorded, and when. A category this process
    cannot find (xdist's controller would fail there) is Warning."""
    record = json.loads(text)
    message: Any = record["message_str"]
    if record["message_class"]:
        message = _message(record["message_class"], record["message_args"], record["message_str"])
    category = None
    if record["category_class"]:
        category = _found_class(record["category_class"]) or Warning
    details = {name: record.get(name) for name in _DETAILS}
    return warnings.WarningMessage(message, category, **details), record["when"]


def _message(path: str, args: Optional[list], text: str) -> Warning:
    """The message made again: its class called with its args, as xdist
    makes it; where the class's __init__ takes other arguments than its
    args hold (a subclass formatting its text for super().__init__), an
    instance made without __init__, which has the class, args and text
    (xdist's controller gives a Warning there); else, as xdist's, a
    Warning naming the class and its text."""
    cls = _found_class(path)
    if cls is not None and args is not None:
        try:
            return cls(*args)
        except TypeError:
            try:
                return cls.__new__(cls, *args)
            except TypeError:
                pass
    module, _, qualname = path.partition(":")
    return Warning(f"{module}.{qualname}: {text}")


def _class_path(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _found_class(path: str) -> Any:
    """The class at path ("module:QualifiedName"), or None when its module
    fails to import here (importing it may raise anything) or lacks it."""
    module, _, qualname = path.partition(":")
    try:
        found: Any = importlib.import_module(module)
        for name in qualname.split("."):
            found = getattr(found, name)
    except Exception:
        return None
    return found


def _travels(value: Any) -> bool:
    """Whether JSON carries value."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


__all__ = ["warning_from_record", "warning_record"]
