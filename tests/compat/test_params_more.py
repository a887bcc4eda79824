import enum

import pytest


class Color(enum.Enum):
    RED = 1
    BLUE = 2


@pytest.mark.parametrize("value", range(20))
def test_range(value):
    assert value < 18


@pytest.mark.parametrize("a", [1, 2, 3])
@pytest.mark.parametrize("b", ["x", "y"])
def test_stacked(a, b):
    assert (a, b) != (3, "y")


@pytest.mark.parametrize(
    "value",
    [None, True, 1.5, "text", b"bytes", Color.RED, Color, len, (1, 2), {"k": 1}, "ünïcode"],
)
def test_id_kinds(value):
    pass


@pytest.mark.parametrize("n", [pytest.param(1, id="one"), pytest.param(2, marks=pytest.mark.xfail), 3])
def test_param_objects(n):
    assert n != 2


@pytest.mark.parametrize("dup", ["a", "a", "b"])
def test_duplicate_ids(dup):
    pass


@pytest.fixture(params=["p", "q"], ids=lambda v: v.upper())
def lettered(request):
    return request.param


def test_fixture_ids(lettered):
    assert lettered in "pq"


@pytest.fixture(scope="module", params=[10, 20])
def module_param(request):
    return request.param


def test_module_param_one(module_param):
    assert module_param in (10, 20)


def test_module_param_two(module_param, lettered):
    assert module_param != 20 or lettered != "q"
