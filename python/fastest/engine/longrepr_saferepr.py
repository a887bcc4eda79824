"""Bounded, never-raising ``repr`` as pytest uses it in failure text.

pytest shows locals (``--showlocals``) and function arguments of traceback
entries through ``saferepr``: ``reprlib`` limits on containers, the whole
text cut to 240 characters with ``...`` in the middle, and a broken
``__repr__`` shown as ``<[Exc() raised in repr()] Type object at 0x..>``
instead of crashing the report.  ``safeformat`` (``-vv``) pretty-prints
without limits.
"""

import pprint
import reprlib

MAX_REPR_SIZE = 240


def _repr_or_str(obj: object) -> str:
    try:
        return repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return f'{type(obj).__name__}("{obj}")'


def _broken_repr(exc: BaseException, obj: object) -> str:
    """Text standing in for an object whose ``__repr__`` raised ``exc``."""
    try:
        exc_text = _repr_or_str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as inner:
        exc_text = f"unpresentable exception ({_repr_or_str(inner)})"
    return f"<[{exc_text} raised in repr()] {type(obj).__name__} object at 0x{id(obj):x}>"


def _ellipsize(text: str, maxsize: int) -> str:
    if len(text) <= maxsize:
        return text
    head = max(0, (maxsize - 3) // 2)
    tail = max(0, maxsize - 3 - head)
    return text[:head] + "..." + text[len(text) - tail :]


class _BoundedRepr(reprlib.Repr):
    """``reprlib.Repr`` whose instance reprs are full but size-capped."""

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxstring = maxsize
        self.maxsize = maxsize

    def repr(self, x: object) -> str:
        try:
            text = super().repr(x)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            text = _broken_repr(exc, x)
        return _ellipsize(text, self.maxsize)

    def repr_instance(self, x: object, level: int) -> str:
        try:
            text = repr(x)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            text = _broken_repr(exc, x)
        return _ellipsize(text, self.maxsize)


_DEFAULT_REPR = _BoundedRepr(MAX_REPR_SIZE)


def saferepr(obj: object) -> str:
    """``repr(obj)`` bounded to 240 characters; never raises."""
    return _DEFAULT_REPR.repr(obj)


def safeformat(obj: object) -> str:
    """``pprint.pformat(obj)`` without size limits; never raises."""
    try:
        return pprint.pformat(obj)
    except Exception as exc:
        return _broken_repr(exc, obj)
