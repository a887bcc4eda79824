"""Failing asserts over boolean operations and comparison chains."""


def f(x):
    return x


def test_and_first_false():
    a, b = 0, 1
    assert a and b


def test_and_second_false():
    a, b = 1, 0
    assert a and b


def test_or_all_false():
    a, b, c = 0, "", None
    assert a or b or c


def test_and_of_comparisons():
    x = 1
    assert x > 0 and x > 5


def test_or_of_comparisons():
    x = 1
    assert x < 0 or x > 5


def test_mixed_bool():
    a, b, c = 1, 0, 0
    assert a and (b or c)


def test_not_of_bool():
    a, b = 1, 1
    assert not (a and b)


def test_chain_first_link_fails():
    a, b, c = 3, 2, 5
    assert a < b < c


def test_chain_second_link_fails():
    a, b, c = 1, 2, 1
    assert a < b < c


def test_chain_equalities():
    assert f(1) == f(1) == f(2)


def test_comparison_of_comparisons():
    a, b = 1, 2
    assert (a == b) == True  # noqa: E712


def test_compare_boolop_operand():
    a, b = 1, 0
    assert (a and b) == 1


def test_true_comparison_inside_failing_and():
    s = "abc"
    assert s == "abc" and False


def test_bool_with_calls():
    assert f(0) or f([])
