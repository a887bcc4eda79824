"""``pytest.Stash`` and ``pytest.StashKey``. A node's stash is a plain dict
here (the engine keys it by objects of its own too), so ``Stash`` is dict;
a ``StashKey`` is pytest's: typed for checkers, hashed by identity."""
from types import GenericAlias


class StashKey:
    """A key of a node's stash; ``StashKey[int]()`` makes one."""

    __slots__ = ()
    __module__ = "_pytest.stash"
    __class_getitem__ = classmethod(GenericAlias)


Stash = dict
