"""Asserts here stay plain.

PYTEST_DONT_REWRITE
"""


def test_plain_assert():
    x = 1
    assert x == 2


def test_plain_assert_with_message():
    assert False, "kept as is"
