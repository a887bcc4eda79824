"""Failing asserts with custom messages, approx, and odd values."""
import pytest


def test_string_message():
    x = 1
    assert x == 2, "x should be two"


def test_multiline_message():
    assert False, "first line\nsecond line"


def test_message_with_percent():
    assert 1 == 2, "100% wrong"


def test_non_string_message():
    assert 0, {"key": "value"}


def test_message_object_with_newline_repr():
    assert 0, ["a\nb"]


def test_formatted_message():
    value = 3
    assert value < 2, f"value was {value}"


def test_message_with_compare_detail():
    assert [1, 2] == [1, 3], "lists differ"


def test_approx_scalar():
    assert 1.0 == pytest.approx(1.1)


def test_approx_list():
    assert [1.0, 2.0, 3.0] == pytest.approx([1.0, 2.5, 3.0])


def test_approx_dict():
    assert {"a": 1.0, "b": 2.0} == pytest.approx({"a": 1.0, "b": 2.2})


def test_float_compare():
    assert 0.1 + 0.2 == 0.3


def test_tuple_assert_always_true_style():
    x = None
    assert x is not None, ("tuple", "message")
