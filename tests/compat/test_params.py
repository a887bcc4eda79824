import enum
import re

import pytest


class Color(enum.Enum):
    RED = 1


@pytest.mark.parametrize("value", [1, 2.5, "s", b"b", None, True, Color.RED, re.compile("a+"), str, object(), "ü", (1, 2)])
def test_ids(value):
    pass


@pytest.mark.parametrize("a,b", [(1, 2), (3, 4)], ids=["first", "second"])
def test_explicit_ids(a, b):
    assert a < b


@pytest.mark.parametrize("a", [1, 1, 2])
def test_duplicate_ids(a):
    pass


@pytest.mark.parametrize("x", [1, 2])
@pytest.mark.parametrize("y", ["a", "b"])
def test_stacked(x, y):
    assert x != 2 or y != "b"


@pytest.mark.parametrize("n", [pytest.param(1, id="one"), pytest.param(2, marks=pytest.mark.xfail), pytest.param(3, marks=pytest.mark.skip)])
def test_param_marks(n):
    assert n != 2


@pytest.mark.parametrize("n", [1, 2], ids=lambda v: f"v{v}")
def test_callable_ids(n):
    pass


@pytest.mark.parametrize("x", [])
def test_empty(x):
    pass


@pytest.fixture(params=[1, 2], ids=["p1", "p2"])
def fixparam(request):
    return request.param


def test_fixture_params(fixparam):
    assert fixparam in (1, 2)


@pytest.mark.parametrize("m", ["a"])
def test_fixture_and_mark(fixparam, m):
    pass


@pytest.fixture
def indirect_fix(request):
    return request.param * 10


@pytest.mark.parametrize("indirect_fix", [1, 2], indirect=True)
def test_indirect(indirect_fix):
    assert indirect_fix in (10, 20)


@pytest.fixture
def overridden():
    return "fixture"


@pytest.mark.parametrize("overridden", ["param"])
def test_parametrize_overrides_fixture(overridden):
    assert overridden == "param"


@pytest.mark.parametrize("x", [1, 2])
class TestClassParam:
    def test_a(self, x):
        pass

    @pytest.mark.parametrize("y", [3])
    def test_b(self, x, y):
        pass


@pytest.fixture(scope="module", params=["m1", "m2"])
def module_param(request):
    return request.param


def test_reorder_1(module_param):
    pass


def test_reorder_2(module_param):
    pass


def test_reorder_plain():
    pass


def pytest_generate_tests(metafunc):
    if "modgen" in metafunc.fixturenames:
        metafunc.parametrize("modgen", ["g1", "g2"])


def test_module_generate(modgen):
    assert modgen.startswith("g")
