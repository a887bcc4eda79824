"""Detailed explanations of failed comparisons: pytest's ``assertrepr_compare``.

For ``==`` between strings, sequences, sets, dicts, dataclasses, attrs
classes, namedtuples and approx objects, and for ``not in`` between strings,
these functions return the lines pytest shows under the ``assert`` line. The
wording and layout are pytest 7.2's; the "right" operand is the expected
value, so diffs show it as ``-`` and the actual value as ``+``.

Approx objects are recognised by duck typing, so the light ``pytest`` module
and real pytest both work: an operand whose type defines
``_repr_compare(other) -> list[str]`` explains its own comparison.
"""
from __future__ import annotations
import sys

from unicodedata import normalize

from .explanation import running_on_ci
from .saferepr import pformat_split, saferepr, saferepr_unlimited

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import AbstractSet, Any, Iterable, List, Mapping, Optional, Sequence

_INDENT = "  "


def _is_sequence(x: Any) -> bool:
    from collections.abc import Sequence as SequenceABC

    return isinstance(x, SequenceABC) and not isinstance(x, str)


def _is_namedtuple(x: Any) -> bool:
    return isinstance(x, tuple) and getattr(x, "_fields", None) is not None


def _is_dataclass(x: Any) -> bool:
    return getattr(x, "__dataclass_fields__", None) is not None


def _is_attrs(x: Any) -> bool:
    return getattr(x, "__attrs_attrs__", None) is not None


def _is_iterable(x: Any) -> bool:
    try:
        iter(x)
    except TypeError:
        return False
    return not isinstance(x, str)


def _is_approx(x: Any) -> bool:
    return callable(getattr(type(x), "_repr_compare", None))


def _has_generated_eq(x: Any) -> bool:
    """True unless the class wrote its own ``__eq__`` (then field-by-field
    explanations would be misleading)."""
    code = getattr(x.__eq__, "__code__", None)
    filename = getattr(code, "co_filename", None)
    if filename is None:
        return True
    if _is_attrs(x):
        return "attrs generated eq" in filename
    return filename == "<string>"


def assertrepr_compare(op: str, left: Any, right: Any, verbosity: int) -> Optional[List[str]]:
    """The explanation lines for ``left op right`` having been false: a summary
    line then details, or None when pytest has nothing specific to say."""
    # Strings equal after normalisation print the same; ascii() tells them apart.
    use_ascii = isinstance(left, str) and isinstance(right, str) and normalize("NFD", left) == normalize("NFD", right)
    if verbosity > 1:
        left_repr = saferepr_unlimited(left, use_ascii=use_ascii)
        right_repr = saferepr_unlimited(right, use_ascii=use_ascii)
    else:
        # Half of an 80-column line, less "E   AssertionError: " and the operator.
        maxsize = (80 - 15 - len(op) - 2) // 2
        left_repr = saferepr(left, maxsize=maxsize, use_ascii=use_ascii)
        right_repr = saferepr(right, maxsize=maxsize, use_ascii=use_ascii)
    summary = f"{left_repr} {op} {right_repr}"

    details: Optional[List[str]] = None
    try:
        if op == "==":
            details = _compare_eq_any(left, right, verbosity)
        elif op == "not in" and isinstance(left, str) and isinstance(right, str):
            details = _explain_not_in_text(left, right, verbosity)
    except Exception:
        details = [
            f"(pytest_assertion plugin: representation of details failed: {_describe_current_crash()}.",
            " Probably an object has a faulty __repr__.)",
        ]
    if not details:
        return None
    return [summary] + details


def _describe_current_crash() -> str:
    """The exception being handled as ``path:line: Type: message``, where it
    was raised (how pytest prints a crash location)."""
    import traceback

    exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    frames = traceback.extract_tb(tb)
    crash = frames[-1]
    message = "".join(traceback.format_exception_only(exc_type, exc)).strip()
    return f"{crash.filename}:{crash.lineno}: {message}"


def _compare_eq_any(left: Any, right: Any, verbosity: int) -> List[str]:
    if isinstance(left, str) and isinstance(right, str):
        return _diff_text(left, right, verbosity)
    details: List[str] = []
    if _is_approx(left) or _is_approx(right):
        approx_side, other_side = (left, right) if _is_approx(left) else (right, left)
        details = approx_side._repr_compare(other_side)
    elif type(left) == type(right) and (_is_dataclass(left) or _is_attrs(left) or _is_namedtuple(left)):
        details = _compare_eq_fields(left, right, verbosity)
    elif _is_sequence(left) and _is_sequence(right):
        details = _compare_eq_sequence(left, right)
    elif isinstance(left, (set, frozenset)) and isinstance(right, (set, frozenset)):
        details = _compare_eq_set(left, right)
    elif isinstance(left, dict) and isinstance(right, dict):
        details = _compare_eq_dict(left, right, verbosity)
    if _is_iterable(left) and _is_iterable(right):
        details.extend(_full_diff(left, right, verbosity))
    return details


def _first_difference(left: str, right: str) -> int:
    index = 0  # stays 0 when either side is empty
    for index in range(min(len(left), len(right))):
        if left[index] != right[index]:
            break
    return index


def _diff_text(left: str, right: str, verbosity: int) -> List[str]:
    """An ndiff of the two strings' lines; without -v, long identical leading
    and (for equal lengths) trailing runs are skipped, keeping 10 characters."""
    from difflib import ndiff

    details: List[str] = []
    if verbosity < 1:
        skip = _first_difference(left, right)
        if skip > 42:
            skip -= 10
            details = [f"Skipping {skip} identical leading characters in diff, use -v to show"]
            left, right = left[skip:], right[skip:]
        if len(left) == len(right):
            # Deliberately pytest's scan, which starts by comparing index 0.
            skip = 0
            for skip in range(len(left)):
                if left[-skip] != right[-skip]:
                    break
            if skip > 42:
                skip -= 10
                details.append(f"Skipping {skip} identical trailing characters in diff, use -v to show")
                left, right = left[:-skip], right[:-skip]
    if left.isspace() or right.isspace():
        left, right = repr(str(left)), repr(str(right))
        details.append("Strings contain only whitespace, escaping them using repr()")
    details.extend(line.strip("\n") for line in ndiff(right.splitlines(True), left.splitlines(True)))
    return details


def _parens_on_own_lines(lines: List[str]) -> None:
    opening = lines[0][:1]
    if opening in ("(", "[", "{"):
        lines[0] = " " + lines[0][1:]
        lines.insert(0, opening)
    closing = lines[-1][-1:]
    if closing in (")", "]", "}"):
        lines[-1] = lines[-1][:-1] + ","
        lines.append(closing)


def _pformat_lines(value: Any) -> List[str]:
    """``pprint.pformat(value)``'s lines. pprint, which imports dataclasses
    and inspect (~8 ms), is imported when a message first needs it (pytest
    imports it as it starts, which would cost every run here), so that a
    failing test's call time includes it only then."""
    import pprint

    return pprint.pformat(value).splitlines()


def _full_diff(left: Iterable[Any], right: Iterable[Any], verbosity: int) -> List[str]:
    """The pretty-printed diff of two iterables (shown from -v on)."""
    if verbosity <= 0 and not running_on_ci():
        return ["Use -v to get more diff"]
    import difflib

    left_lines = _pformat_lines(left)
    right_lines = _pformat_lines(right)
    left_count, right_count = len(left_lines), len(right_lines)
    if left_count != right_count:
        left_lines = pformat_split(left).splitlines()
        right_lines = pformat_split(right).splitlines()
    if left_count > 1 or right_count > 1:
        _parens_on_own_lines(left_lines)
        _parens_on_own_lines(right_lines)
    return ["Full diff:"] + [line.rstrip() for line in difflib.ndiff(right_lines, left_lines)]


def _compare_eq_sequence(left: Sequence[Any], right: Sequence[Any]) -> List[str]:
    comparing_bytes = isinstance(left, bytes) and isinstance(right, bytes)
    details: List[str] = []
    for i in range(min(len(left), len(right))):
        if left[i] != right[i]:
            if comparing_bytes:
                # Slices show b'x' where indexing would show an int.
                left_value: Any = left[i : i + 1]
                right_value: Any = right[i : i + 1]
            else:
                left_value, right_value = left[i], right[i]
            details.append(f"At index {i} diff: {left_value!r} != {right_value!r}")
            break
    if comparing_bytes:
        return details
    surplus = len(left) - len(right)
    if surplus:
        if surplus > 0:
            side, first_extra = "Left", saferepr(left[len(right)])
        else:
            surplus = -surplus
            side, first_extra = "Right", saferepr(right[len(left)])
        if surplus == 1:
            details.append(f"{side} contains one more item: {first_extra}")
        else:
            details.append(f"{side} contains {surplus} more items, first extra item: {first_extra}")
    return details


def _compare_eq_set(left: AbstractSet[Any], right: AbstractSet[Any]) -> List[str]:
    details: List[str] = []
    for side, extra in (("left", left - right), ("right", right - left)):
        if extra:
            details.append(f"Extra items in the {side} set:")
            details.extend(saferepr(item) for item in extra)
    return details


def _compare_eq_dict(left: Mapping[Any, Any], right: Mapping[Any, Any], verbosity: int) -> List[str]:
    details: List[str] = []
    common = set(left).intersection(right)
    same = {key: left[key] for key in common if left[key] == right[key]}
    if same and verbosity < 2:
        details.append(f"Omitting {len(same)} identical items, use -vv to show")
    elif same:
        details.append("Common items:")
        details.extend(_pformat_lines(same))
    differing = {key for key in common if left[key] != right[key]}
    if differing:
        details.append("Differing items:")
        details.extend(saferepr({key: left[key]}) + " != " + saferepr({key: right[key]}) for key in differing)
    for side, mine, other in (("Left", left, right), ("Right", right, left)):
        extra = set(mine) - set(other)
        if extra:
            details.append(f"{side} contains {len(extra)} more item{'' if len(extra) == 1 else 's'}:")
            details.extend(_pformat_lines({key: mine[key] for key in extra}))
    return details


def _compared_fields(x: Any) -> Sequence[str]:
    if _is_dataclass(x):
        import dataclasses

        return [field.name for field in dataclasses.fields(x) if field.compare]
    if _is_attrs(x):
        return [field.name for field in x.__attrs_attrs__ if getattr(field, "eq")]
    return x._fields


def _compare_eq_fields(left: Any, right: Any, verbosity: int) -> List[str]:
    """Which fields of two same-type records match, and why the others differ."""
    if not _has_generated_eq(left):
        return []
    same: List[str] = []
    differing: List[str] = []
    for name in _compared_fields(left):
        (same if getattr(left, name) == getattr(right, name) else differing).append(name)
    details: List[str] = []
    if same or differing:
        details.append("")
    if same and verbosity < 2:
        details.append(f"Omitting {len(same)} identical items, use -vv to show")
    elif same:
        details.append("Matching attributes:")
        details.extend(_pformat_lines(same))
    if differing:
        details.append("Differing attributes:")
        details.extend(_pformat_lines(differing))
        for name in differing:
            left_value, right_value = getattr(left, name), getattr(right, name)
            details += ["", f"Drill down into differing attribute {name}:", f"{_INDENT}{name}: {left_value!r} != {right_value!r}"]
            details.extend(_INDENT + line for line in _compare_eq_any(left_value, right_value, verbosity))
    return details


def _explain_not_in_text(term: str, text: str, verbosity: int) -> List[str]:
    """Where ``term`` occurs in ``text``: the text's diff against itself
    without the term, keeping only the lines that show the term."""
    index = text.find(term)
    without_term = text[:index] + text[index + len(term) :]
    details = [f"{saferepr(term, maxsize=42)} is contained here:"]
    for line in _diff_text(text, without_term, verbosity):
        if line.startswith("Skipping") or line.startswith("- "):
            continue
        details.append("  " + line[2:] if line.startswith("+ ") else line)
    return details

