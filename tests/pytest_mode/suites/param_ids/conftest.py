"""pytest_make_parametrize_id: the ids of parameters it answers for (a
dict's keys, a Point), the others left to pytest's rules (None), under
an ids= function (which pytest asks first) and an explicit id (which
wins); also for a fixture's params."""
import pytest

from shapes import Point


def pytest_make_parametrize_id(config, val, argname):
    if isinstance(val, dict):
        return "keys:" + "+".join(sorted(val))
    if isinstance(val, Point):
        return f"{argname}@{val.x},{val.y}"
    return None


@pytest.fixture(params=[{"a": 1}, 7, Point(0, 1)])
def shape(request):
    return request.param
