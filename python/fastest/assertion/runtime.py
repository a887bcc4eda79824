"""What rewritten asserts call at run time, and the run's settings they read.

The rewriter (:mod:`.rewrite`) imports this module into every rewritten module
as ``@fastest_ar`` and calls the functions below while building a failure
message. The engine configures it once per run:

- :func:`set_verbosity` with the ``-v`` count (``-q`` counts negative): it
  decides repr sizes, diff detail and truncation, as pytest's ``verbose``
  option does. Default 0.
- :func:`set_compare_hook` with a callable standing for the suite's
  ``pytest_assertrepr_compare`` conftest hooks, ``hook(op, left, right)``
  returning a list of lines or None; it is asked before the builtin
  explanations. Default: none.

Every rewritten module imports this one, passing or not; the comparison
explainers and ``saferepr`` (and ``pprint``/``dataclasses`` behind them)
are imported only when an assertion fails.
"""
from __future__ import annotations

from . import explanation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, List, Optional, Sequence

    CompareHook = Callable[[str, Any, Any], Optional[List[str]]]

_verbosity = 0
_compare_hook: Optional[CompareHook] = None


def set_verbosity(verbosity: int) -> None:
    """Set the run's verbosity (pytest's ``config.option.verbose``)."""
    global _verbosity
    _verbosity = verbosity


def set_compare_hook(hook: Optional[CompareHook]) -> None:
    """Install (or remove, with None) the suite's custom comparison explainer."""
    global _compare_hook
    _compare_hook = hook


def saferepr_for_message(obj: object) -> str:
    """A value's repr inside an explanation: bounded by verbosity, with newlines
    escaped so a custom repr cannot inject the explanation language's markers."""
    from .saferepr import DEFAULT_MAX_SIZE, saferepr

    if _verbosity >= 2:
        maxsize = None
    elif _verbosity >= 1:
        maxsize = DEFAULT_MAX_SIZE * 10
    else:
        maxsize = DEFAULT_MAX_SIZE
    return saferepr(obj, maxsize=maxsize).replace("\n", "\\n")


def format_custom_message(message: object) -> str:
    """The ``msg`` of ``assert test, msg`` as it opens the explanation: its
    newlines kept as explanation lines, ``%`` escaped for the final formatting."""
    replacements = [("\n", "\n~"), ("%", "%%")]
    if not isinstance(message, str):
        from .saferepr import saferepr

        message = saferepr(message)
        replacements.append(("\\n", "\n~"))
    for old, new in replacements:
        message = message.replace(old, new)
    return message


def should_repr_global(obj: object) -> bool:
    """Whether a non-local name's value is shown: not for functions, classes or
    modules (anything callable or named), whose name says enough."""
    if callable(obj):
        return False
    try:
        return not hasattr(obj, "__name__")
    except Exception:
        return True


def format_boolop(explanations: Sequence[str], is_or: bool) -> str:
    """``(a and b ...)`` from the operands evaluated before the result was known."""
    joined = "(" + (" or " if is_or else " and ").join(explanations) + ")"
    return joined.replace("%", "%%")


def _explain_failed_comparison(op: str, left: Any, right: Any) -> Optional[str]:
    lines = _compare_hook(op, left, right) if _compare_hook is not None else None
    if not lines:
        from .compare import assertrepr_compare

        lines = assertrepr_compare(op, left, right, _verbosity)
    if not lines:
        return None
    lines = explanation.truncate(lines, _verbosity)
    return "\n~".join(line.replace("\n", "\\n") for line in lines).replace("%", "%%")


def explain_comparison(
    ops: Sequence[str], results: Sequence[bool], default_explanations: Sequence[str], operands: Sequence[object]
) -> str:
    """The explanation of a (possibly chained) comparison: that of its first
    false link, detailed when a specific explanation exists."""
    index = 0
    for index, result in enumerate(results):
        try:
            failed = not result
        except Exception:
            failed = True
        if failed:
            break
    detailed = _explain_failed_comparison(ops[index], operands[index], operands[index + 1])
    return detailed if detailed is not None else default_explanations[index]


format_explanation = explanation.format_explanation
