"""Helpers in another module, so tracebacks cross files."""

import pytest


def explode(depth):
    if depth == 0:
        raise RuntimeError(f"exploded at depth {depth}")
    return explode(depth - 1)


def hidden_check(value):
    __tracebackhide__ = True
    if not value:
        raise ValueError("hidden helper failed")


def parse(text):
    return int(text)


@pytest.fixture
def fixture_from_other_module():
    parse("other module")
