"""Failing asserts over plain expressions: names, calls, attributes, operators."""
import os


def helper(x=1, *args, **kwargs):
    return x


class Box:
    value = 3
    items = [1, 2]

    def method(self, n):
        return n * 2

    def __repr__(self):
        return "Box()"


GLOBAL_INT = 5
box = Box()


def test_false_constant():
    assert False


def test_none():
    assert None


def test_local_name():
    x = 0
    assert x


def test_global_value():
    assert GLOBAL_INT == 6


def test_global_function_not_shown():
    assert helper(0)


def test_module_attribute():
    assert os.sep == "x"


def test_call_with_args():
    y = 2
    assert helper(0, y, z=3) == 1


def test_call_star_args():
    args = [0, 1]
    kwargs = {"a": 1}
    assert helper(*args, **kwargs)


def test_nested_calls():
    assert helper(helper(0)) == 7


def test_attribute():
    b = Box()
    assert b.value == 4


def test_nested_attribute():
    assert box.items.__len__() == 3


def test_method_call():
    assert box.method(2) == 5


def test_unary_not():
    x = 1
    assert not x


def test_unary_minus():
    x = 1
    assert -x == 1


def test_invert():
    assert ~GLOBAL_INT == 1


def test_binop():
    a, b = 2, 3
    assert a + b == 6


def test_binop_modulo():
    a = 7
    assert a % 3 == 2


def test_percent_in_string():
    s = "100%"
    assert s == "50%"


def test_binop_power_matmul_shift():
    a = 2
    assert (a ** 3) << 1 == 3


def test_subscript():
    d = {"k": 1}
    assert d["k"] == 2


def test_lambda_call():
    f = lambda v: v + 1  # noqa: E731
    assert f(1) == 3


def test_walrus():
    assert (n := 0)


def test_is_none():
    x = 1
    assert x is None


def test_is_not():
    x = None
    assert x is not None


def test_isinstance():
    x = 3
    assert isinstance(x, str)


def test_len_call():
    items = [1, 2, 3]
    assert len(items) == 2


def test_in_list():
    assert 4 in [1, 2, 3]


def test_not_in_list():
    assert 2 not in [1, 2, 3]


def test_multiline_assert():
    a = 1
    assert (
        a
        == 2
    )


def test_inside_loop():
    for i in range(3):
        assert i < 2


def test_inside_with_and_try():
    try:
        with open(os.devnull) as handle:
            assert handle.closed
    finally:
        pass


def test_nested_function():
    def inner():
        v = 5
        assert v == 6

    inner()


class TestMethods:
    def test_self_attribute(self):
        self.value = 1
        assert self.value == 2

    def test_classmethod_like(self):
        assert type(self).__name__ == "Other"
