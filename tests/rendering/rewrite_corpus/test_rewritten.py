"""Failures whose messages come from assertion rewriting."""


def double(x):
    return x * 2


def test_compare_ints():
    value = 3
    assert double(value) == 7


def test_compare_lists():
    assert [1, 2, 3] == [1, 2, 4]


def test_compare_strings():
    expected = "hello world"
    assert "hello word" == expected


def test_with_message():
    items = {"a": 1}
    assert "b" in items, "b should be present"


def test_bool_op():
    a, b = 1, 0
    assert a and b


def helper_check(value):
    assert value > 10


def test_assert_in_helper():
    helper_check(5)


def test_multiline_assert():
    assert (
        double(2)
        == 5
    )
