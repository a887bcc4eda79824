import pytest


def test_fine():
    pass


@pytest.mark.parametrize("x", [1, 2], ids=["a"])
def test_wrong_id_count(x):
    pass
