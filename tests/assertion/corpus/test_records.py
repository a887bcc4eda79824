"""Failing comparisons of dataclasses, namedtuples, attrs-like and custom classes."""
import collections
import dataclasses


@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = dataclasses.field(default="p", compare=False)


@dataclasses.dataclass
class Line:
    start: Point
    end: Point


@dataclasses.dataclass(eq=False)
class Opaque:
    x: int

    def __eq__(self, other):
        return False


Pair = collections.namedtuple("Pair", "left right")


class FakeAttribute:
    def __init__(self, name):
        self.name = name
        self.eq = True


class AttrsLike:
    __attrs_attrs__ = (FakeAttribute("a"), FakeAttribute("b"))

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return (self.a, self.b) == (other.a, other.b)

    def __repr__(self):
        return f"AttrsLike(a={self.a!r}, b={self.b!r})"


class Plain:
    def __repr__(self):
        return "Plain()"


class BrokenRepr:
    def __repr__(self):
        raise ValueError("no repr for you")


class BrokenEq:
    def __eq__(self, other):
        raise RuntimeError("cannot compare")

    def __repr__(self):
        return "BrokenEq()"


def test_dataclass_one_field():
    assert Point(1, 2) == Point(1, 3)


def test_dataclass_all_fields():
    assert Point(1, 2) == Point(3, 4)


def test_dataclass_nested():
    assert Line(Point(0, 0), Point(1, 1)) == Line(Point(0, 0), Point(1, 2))


def test_dataclass_custom_eq():
    assert Opaque(1) == Opaque(1)


def test_dataclass_different_types():
    assert Point(1, 2) == Pair(1, 2)


def test_namedtuple():
    assert Pair(1, "x") == Pair(1, "y")


def test_attrs_like_custom_eq():
    assert AttrsLike(1, 2) == AttrsLike(1, 3)


def test_plain_objects():
    assert Plain() == Plain()


def test_broken_repr():
    assert BrokenRepr() == 1


def test_broken_repr_in_list():
    assert [BrokenRepr()] == []


class FailsOnNotEqual:
    """Equal to everything, but ``!=`` (used only by the details) raises."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        raise RuntimeError("no != here")

    def __repr__(self):
        return "FailsOnNotEqual()"


def test_details_fail():
    assert [FailsOnNotEqual(), 1] == [0, 2]
