import pytest


@pytest.mark.parametrize("n", [1, 2])
def test_numbers(n):
    pass


def test_plain():
    pass
