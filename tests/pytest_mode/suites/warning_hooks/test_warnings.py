import warnings

import pytest


class CustomWarning(UserWarning):
    pass


class Outer:
    class NestedWarning(DeprecationWarning):
        pass


class TwoPartWarning(UserWarning):
    def __init__(self, first, second):
        super().__init__(f"{first} and {second}")


@pytest.mark.parametrize("n", range(3))
def test_user_warning(n):
    warnings.warn(UserWarning(f"careful {n}"))


def test_text_and_category():
    warnings.warn("old api", DeprecationWarning)


def test_custom_class():
    warnings.warn(CustomWarning("custom"))


def test_nested_class():
    warnings.warn(Outer.NestedWarning("nested"))


def test_two_arguments():
    # Its args hold its text alone: made again without its __init__.
    warnings.warn(TwoPartWarning("left", "right"))


def test_quiet():
    pass
