import pytest


@pytest.mark.parametrize("n", range(5))
def test_fine(n):
    assert n >= 0


def test_fails():
    assert 1 == 2
