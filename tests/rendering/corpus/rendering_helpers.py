"""Helpers in another module, so tracebacks cross files."""

import operator
import pytest


def explode(depth):
    if depth == 0:
        raise RuntimeError(f"exploded at depth {depth}")
    return explode(depth - 1)


def hidden_check(value):
    __tracebackhide__ = True
    if not value:
        raise ValueError("hidden helper failed")


def hidden_for_assertions(value):
    # numpy's and scipy's way: hidden when it is the assertion that failed.
    __tracebackhide__ = operator.methodcaller("errisinstance", AssertionError)
    if value is None:
        raise TypeError("no value to check")
    assert value > 0, "not positive"


def parse(text):
    return int(text)


@pytest.fixture
def fixture_from_other_module():
    parse("other module")
