from collections import namedtuple

Coins = namedtuple("Coins", "amount")


def test_amounts_not_explained_here():
    # inner/conftest.py's hook is not on this test's path: pytest's own
    # explanation of namedtuples.
    assert Coins(1) == Coins(2)
