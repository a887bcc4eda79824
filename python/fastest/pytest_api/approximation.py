"""``pytest.approx``: equality within a tolerance for numbers, ordered
sequences and mappings of numbers, with pytest's reprs and failure
explanations (``_repr_compare``, used by assertion introspection).

``decimal`` is only consulted when the test already imported it, so approx
costs no import on the hot path."""
from __future__ import annotations

import math
import sys
from collections.abc import Mapping, Sized
from numbers import Complex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Sequence, Tuple


def _decimal_type():
    """decimal.Decimal if the program uses decimals at all, else None."""
    module = sys.modules.get("decimal")
    return module.Decimal if module is not None else None


def _is_decimal(value: object) -> bool:
    decimal = _decimal_type()
    return decimal is not None and isinstance(value, decimal)


def _compare_table(
    message_data: Sequence[Tuple[str, str, str]], number_of_elements: int, mismatches: int, max_abs_diff: float, max_rel_diff: float
) -> List[str]:
    """The explanation pytest prints for a failed collection comparison."""
    rows = [("Index", "Obtained", "Expected"), *message_data]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    return [
        f"comparison failed. Mismatched elements: {mismatches} / {number_of_elements}:",
        f"Max absolute difference: {max_abs_diff}",
        f"Max relative difference: {max_rel_diff}",
    ] + [f"{a:<{widths[0]}} | {b:<{widths[1]}} | {c:<{widths[2]}}" for a, b, c in rows]


class ApproxBase:
    """Shared machinery: compare element by element with ApproxScalar."""

    # Make numpy defer to our __eq__ when an array is on the left.
    __array_ufunc__ = None
    __array_priority__ = 100

    def __init__(self, expected, rel=None, abs=None, nan_ok: bool = False) -> None:
        __tracebackhide__ = True
        self.expected = expected
        self.abs = abs
        self.rel = rel
        self.nan_ok = nan_ok
        self._check_type()

    def _repr_compare(self, other_side: Any) -> List[str]:
        return ["comparison failed", f"Obtained: {other_side}", f"Expected: {self}"]

    def __eq__(self, actual) -> bool:
        return all(a == self._approx_scalar(x) for a, x in self._yield_comparisons(actual))

    def __ne__(self, actual) -> bool:
        return not (actual == self)

    def __bool__(self):
        __tracebackhide__ = True
        raise AssertionError(
            "approx() is not supported in a boolean context.\nDid you mean: `assert a == approx(b)`?"
        )

    __hash__ = None  # type: ignore[assignment]

    def _approx_scalar(self, value) -> "ApproxScalar":
        cls = ApproxDecimal if _is_decimal(value) else ApproxScalar
        return cls(value, rel=self.rel, abs=self.abs, nan_ok=self.nan_ok)

    def _yield_comparisons(self, actual):
        raise NotImplementedError

    def _check_type(self) -> None:
        """Reject expected values approx cannot compare."""

    def _mismatch_explanation(self, pairs, other_side) -> List[str]:
        """Explain mismatches among ``pairs`` of (index, ApproxScalar, actual)."""
        max_abs_diff = -math.inf
        max_rel_diff = -math.inf
        rows = []
        for index, approx_value, other_value in pairs:
            if approx_value == other_value:
                continue
            abs_diff = abs(approx_value.expected - other_value)
            max_abs_diff = max(max_abs_diff, abs_diff)
            if other_value == 0.0:
                max_rel_diff = math.inf
            else:
                max_rel_diff = max(max_rel_diff, abs_diff / abs(other_value))
            rows.append((str(index), str(other_value), str(approx_value)))
        return _compare_table(rows, len(pairs), len(rows), max_abs_diff, max_rel_diff)


class ApproxMapping(ApproxBase):
    """Expected value: a mapping whose values are numbers."""

    def __repr__(self) -> str:
        return "approx({!r})".format({k: self._approx_scalar(v) for k, v in self.expected.items()})

    def _repr_compare(self, other_side: Mapping[object, float]) -> List[str]:
        pairs = [
            (key, self._approx_scalar(value), other_value)
            for (key, value), other_value in zip(self.expected.items(), other_side.values())
        ]
        max_abs_diff = -math.inf
        max_rel_diff = -math.inf
        rows = []
        for key, approx_value, other_value in pairs:
            if approx_value == other_value:
                continue
            max_abs_diff = max(max_abs_diff, abs(approx_value.expected - other_value))
            max_rel_diff = max(max_rel_diff, abs((approx_value.expected - other_value) / approx_value.expected))
            rows.append((str(key), str(other_side[key]), str(approx_value)))
        return _compare_table(rows, len(pairs), len(rows), max_abs_diff, max_rel_diff)

    def __eq__(self, actual) -> bool:
        try:
            if set(actual.keys()) != set(self.expected.keys()):
                return False
        except AttributeError:
            return False
        return super().__eq__(actual)

    def _yield_comparisons(self, actual):
        for key in self.expected.keys():
            yield actual[key], self.expected[key]

    def _check_type(self) -> None:
        __tracebackhide__ = True
        for key, value in self.expected.items():
            if isinstance(value, type(self.expected)):
                from pprint import pformat

                raise TypeError(
                    f"pytest.approx() does not support nested dictionaries: key={key!r} value={value!r}\n"
                    f"  full mapping={pformat(self.expected)}"
                )


class ApproxSequenceLike(ApproxBase):
    """Expected value: an ordered sequence of numbers."""

    def __repr__(self) -> str:
        seq_type = type(self.expected)
        if seq_type not in (tuple, list):
            seq_type = list
        return f"approx({seq_type(self._approx_scalar(x) for x in self.expected)!r})"

    def _repr_compare(self, other_side: Sequence[float]) -> List[str]:
        if len(self.expected) != len(other_side):
            return [
                "Impossible to compare lists with different sizes.",
                f"Lengths: {len(self.expected)} and {len(other_side)}",
            ]
        pairs = [(i, self._approx_scalar(x), other_side[i]) for i, x in enumerate(self.expected)]
        return self._mismatch_explanation(pairs, other_side)

    def __eq__(self, actual) -> bool:
        try:
            if len(actual) != len(self.expected):
                return False
        except TypeError:
            return False
        return super().__eq__(actual)

    def _yield_comparisons(self, actual):
        return zip(actual, self.expected)

    def _check_type(self) -> None:
        __tracebackhide__ = True
        for index, value in enumerate(self.expected):
            if isinstance(value, type(self.expected)):
                from pprint import pformat

                raise TypeError(
                    f"pytest.approx() does not support nested data structures: {value!r} at index {index}\n"
                    f"  full sequence: {pformat(self.expected)}"
                )


class ApproxScalar(ApproxBase):
    """Expected value: one number (anything else compares with ==)."""

    DEFAULT_ABSOLUTE_TOLERANCE: Any = 1e-12
    DEFAULT_RELATIVE_TOLERANCE: Any = 1e-6

    def _is_number(self, value: object) -> bool:
        return isinstance(value, Complex) or _is_decimal(value)

    def __repr__(self) -> str:
        if not self._is_number(self.expected) or math.isinf(abs(self.expected)):
            return str(self.expected)
        try:
            vetted_tolerance = f"{self.tolerance:.1e}"
            if isinstance(self.expected, Complex) and self.expected.imag and not math.isinf(self.tolerance):
                vetted_tolerance += " ∠ ±180°"
        except ValueError:
            vetted_tolerance = "???"
        return f"{self.expected} ± {vetted_tolerance}"

    def __eq__(self, actual) -> bool:
        if actual == self.expected:
            return True
        if not (self._is_number(self.expected) and self._is_number(actual)):
            return False
        if math.isnan(abs(self.expected)):
            return self.nan_ok and math.isnan(abs(actual))
        if math.isinf(abs(self.expected)):
            return False
        return abs(self.expected - actual) <= self.tolerance

    __hash__ = None  # type: ignore[assignment]

    @property
    def tolerance(self):
        """The larger of the absolute and the relative tolerance (only the
        absolute one when just ``abs`` was given)."""
        absolute = self.abs if self.abs is not None else self.DEFAULT_ABSOLUTE_TOLERANCE
        if absolute < 0:
            raise ValueError(f"absolute tolerance can't be negative: {absolute}")
        if math.isnan(absolute):
            raise ValueError("absolute tolerance can't be NaN.")
        if self.rel is None and self.abs is not None:
            return absolute
        relative = (self.rel if self.rel is not None else self.DEFAULT_RELATIVE_TOLERANCE) * abs(self.expected)
        if relative < 0:
            raise ValueError(f"relative tolerance can't be negative: {relative}")
        if math.isnan(relative):
            raise ValueError("relative tolerance can't be NaN.")
        return max(relative, absolute)


class ApproxDecimal(ApproxScalar):
    """Expected value: a Decimal (tolerances are Decimals too)."""

    def __init__(self, expected, rel=None, abs=None, nan_ok: bool = False) -> None:
        decimal = _decimal_type()
        self.DEFAULT_ABSOLUTE_TOLERANCE = decimal("1e-12")
        self.DEFAULT_RELATIVE_TOLERANCE = decimal("1e-6")
        super().__init__(expected, rel, abs, nan_ok)


def approx(expected, rel=None, abs=None, nan_ok: bool = False) -> ApproxBase:
    """Wrap ``expected`` so that ``==`` compares within a tolerance."""
    __tracebackhide__ = True
    if _is_decimal(expected):
        cls: type = ApproxDecimal
    elif isinstance(expected, Mapping):
        cls = ApproxMapping
    elif hasattr(expected, "__getitem__") and isinstance(expected, Sized) and not isinstance(expected, (str, bytes)):
        cls = ApproxSequenceLike
    elif _is_unordered_collection(expected):
        raise TypeError(f"pytest.approx() only supports ordered sequences, but got: {expected!r}")
    else:
        cls = ApproxScalar
    return cls(expected, rel, abs, nan_ok)


def _is_unordered_collection(value: object) -> bool:
    from collections.abc import Collection

    return isinstance(value, Collection) and not isinstance(value, (str, bytes))
