"""`from pytest import *` binds pytest's public names, the ones the light
module resolves on first use (raises, warns, approx...) included."""
import warnings

from pytest import *


def test_raises():
    with raises(ZeroDivisionError) as info:
        1 / 0
    assert isinstance(info, ExceptionInfo)


def test_warns_and_deprecated_call():
    with warns(UserWarning):
        warnings.warn("careful")
    with deprecated_call():
        warnings.warn("old", DeprecationWarning)


def test_approx():
    assert 0.1 + 0.2 == approx(0.3)


@mark.parametrize("value", [param(1, id="one"), 2])
def test_marks_and_params(value):
    assert value


def test_outcomes():
    skip("skip() from a star import")
