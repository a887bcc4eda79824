"""Size-limited reprs that never raise, as pytest's assertion messages use.

A failing ``__repr__`` must not hide the assertion that failed, so every repr
here catches what the object raises and shows it in place of the value.
Lengths are bounded the way pytest bounds them (reprlib's container limits,
then an ellipsis in the middle), so messages match pytest's exactly.
"""
from __future__ import annotations
import reprlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# pytest's DEFAULT_REPR_MAX_SIZE: the longest repr shown for one value.
DEFAULT_MAX_SIZE = 240


def _repr_or_str(obj: object) -> str:
    try:
        return repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return f'{type(obj).__name__}("{obj}")'


def describe_repr_failure(exc: BaseException, obj: object) -> str:
    """The text shown instead of ``obj``'s repr when that repr raised ``exc``."""
    try:
        exc_text = _repr_or_str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as inner:
        exc_text = f"unpresentable exception ({_repr_or_str(inner)})"
    return f"<[{exc_text} raised in repr()] {type(obj).__name__} object at 0x{id(obj):x}>"


def ellipsize(text: str, maxsize: int) -> str:
    """Cut the middle of ``text`` to fit ``maxsize`` characters, marking it '...'."""
    if len(text) <= maxsize:
        return text
    head = max(0, (maxsize - 3) // 2)
    tail = max(0, maxsize - 3 - head)
    return text[:head] + "..." + text[len(text) - tail :]


class _BoundedRepr(reprlib.Repr):
    """reprlib's container limits, plus a total size limit and failure capture."""

    def __init__(self, maxsize: Optional[int], use_ascii: bool) -> None:
        super().__init__()
        # reprlib truncates strings at maxstring; None means "no limit".
        self.maxstring = maxsize if maxsize is not None else 1_000_000_000
        self.maxsize = maxsize
        self.use_ascii = use_ascii

    def _bounded(self, produce: Any, obj: object) -> str:
        try:
            text = produce(obj)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            text = describe_repr_failure(exc, obj)
        return ellipsize(text, self.maxsize) if self.maxsize is not None else text

    def repr(self, x: object) -> str:
        return self._bounded(ascii if self.use_ascii else super().repr, x)

    def repr_instance(self, x: object, level: int) -> str:
        return self._bounded(repr, x)


def saferepr(obj: object, maxsize: Optional[int] = DEFAULT_MAX_SIZE, use_ascii: bool = False) -> str:
    """``repr(obj)`` bounded to ``maxsize`` characters (None: unbounded containers
    still follow reprlib's item limits); never raises."""
    return _BoundedRepr(maxsize, use_ascii).repr(obj)


def saferepr_unlimited(obj: object, use_ascii: bool = True) -> str:
    """The whole ``repr(obj)`` (or ``ascii(obj)``), as -vv shows it; never raises."""
    try:
        return ascii(obj) if use_ascii else repr(obj)
    except Exception as exc:
        return describe_repr_failure(exc, obj)


def pformat_split(obj: object) -> str:
    """``pprint.pformat(obj)`` with every container split over lines (for
    full diffs of values pprint lays out differently; imported then, as
    compare._pformat_lines imports pprint)."""
    from .splitting_printer import AlwaysSplittingPrinter

    return AlwaysSplittingPrinter(indent=1, width=80).pformat(obj)
