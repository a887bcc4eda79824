import warnings

import pytest


@pytest.fixture
def broken():
    raise RuntimeError("setup breaks")


def test_passes():
    warnings.warn(UserWarning("noted while passing"))


def test_fails():
    assert 1 == 2


def test_errors(broken):
    pass


@pytest.mark.skip(reason="not today")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known")
def test_xfails():
    assert False


@pytest.mark.parametrize("value", [1, 2, 3])
def test_values(value):
    print("value", value)
    assert value != 2
