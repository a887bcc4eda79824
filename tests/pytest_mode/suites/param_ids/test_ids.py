import pytest

from shapes import Point


@pytest.mark.parametrize("mapping", [{"b": 2, "a": 1}, {}, {"z": 0}])
def test_dicts(mapping):
    assert isinstance(mapping, dict)


@pytest.mark.parametrize("point, n", [(Point(1, 2), 3), (Point(0, 0), None), (object(), 4)])
def test_points(point, n):
    assert n != 4


@pytest.mark.parametrize("value", [{"x": 1}, 5], ids=lambda v: "fn" if isinstance(v, int) else None)
def test_ids_function_first(value):
    pass


@pytest.mark.parametrize("value", [pytest.param({"x": 1}, id="explicit"), {"y": 2}])
def test_explicit_wins(value):
    pass


def test_fixture_params(shape):
    pass
