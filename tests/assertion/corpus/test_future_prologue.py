"""A module whose prologue holds a __future__ import."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def cached(n: int) -> int:
    return n


def test_after_future_import():
    assert cached(1) == 2
