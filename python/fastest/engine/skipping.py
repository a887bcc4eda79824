"""skip, skipif and xfail marks, evaluated as ``_pytest/skipping.py`` does:
string conditions are eval'd in the test module's namespace (plus os, sys,
platform, config), others are bool()'d; the first true condition wins."""
from __future__ import annotations

import os
import sys
from collections import namedtuple

from fastest.pytest_api.outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Tuple

# Named tuples as pytest's (a bad skip mark's TypeError names Skip.__new__).
Skip = namedtuple("Skip", ["reason"], defaults=["unconditional skip"])
Xfail = namedtuple("Xfail", ["reason", "run", "strict", "raises"])


def evaluate_condition(item, mark, condition: object) -> Tuple[bool, str]:
    """(condition result, reason); a broken condition fails the test."""
    if isinstance(condition, str):
        import platform

        namespace = {"os": os, "sys": sys, "platform": platform, "config": item.config}
        obj = getattr(item, "obj", None)
        namespace.update(getattr(obj, "__globals__", {}))
        try:
            result = eval(compile(condition, f"<{mark.name} condition>", "eval"), namespace)
        except SyntaxError as exc:
            fail(
                "\n".join(
                    [
                        f"Error evaluating {mark.name!r} condition",
                        "    " + condition,
                        "    " + " " * (exc.offset or 0) + "^",
                        "SyntaxError: invalid syntax",
                    ]
                ),
                pytrace=False,
            )
        except Exception as exc:
            fail(
                "\n".join(
                    [f"Error evaluating {mark.name!r} condition", "    " + condition, *_exception_only(exc)]
                ),
                pytrace=False,
            )
    else:
        try:
            result = bool(condition)
        except Exception as exc:
            fail(
                "\n".join([f"Error evaluating {mark.name!r} condition as a boolean", *_exception_only(exc)]),
                pytrace=False,
            )
    reason = mark.kwargs.get("reason", None)
    if reason is None:
        if isinstance(condition, str):
            reason = "condition: " + condition
        else:
            fail(
                f"Error evaluating {mark.name!r}: you need to specify reason=STRING when using booleans as conditions.",
                pytrace=False,
            )
    return result, reason


def _conditions(mark) -> tuple:
    return (mark.kwargs["condition"],) if "condition" in mark.kwargs else mark.args


def is_unmarked(item) -> bool:
    """Whether no node from the session down to ``item`` has a mark, as
    for most items: then no skip or xfail mark needs looking for."""
    for node in item._chain:
        if node.own_markers:
            return False
    return True


def evaluate_skip_marks(item) -> Optional[Skip]:
    if is_unmarked(item):
        return None
    for mark in item.iter_markers("skipif"):
        conditions = _conditions(mark)
        if not conditions:
            return Skip(mark.kwargs.get("reason", ""))
        for condition in conditions:
            result, reason = evaluate_condition(item, mark, condition)
            if result:
                return Skip(reason)
    for mark in item.iter_markers("skip"):
        try:
            return Skip(*mark.args, **mark.kwargs)
        except TypeError as exc:
            raise TypeError(str(exc) + " - maybe you meant pytest.mark.skipif?") from None
    return None


def evaluate_xfail_marks(item) -> Optional[Xfail]:
    if is_unmarked(item):
        return None
    for mark in item.iter_markers("xfail"):
        run = mark.kwargs.get("run", True)
        strict = mark.kwargs.get("strict", item.config.getini("xfail_strict"))
        raises = mark.kwargs.get("raises", None)
        conditions = _conditions(mark)
        if not conditions:
            return Xfail(mark.kwargs.get("reason", ""), run, strict, raises)
        for condition in conditions:
            result, reason = evaluate_condition(item, mark, condition)
            if result:
                return Xfail(reason, run, strict, raises)
    return None


def _exception_only(exc: BaseException) -> list:
    """``traceback.format_exception_only`` (imported only for a bad condition)."""
    import traceback

    return traceback.format_exception_only(type(exc), exc)
