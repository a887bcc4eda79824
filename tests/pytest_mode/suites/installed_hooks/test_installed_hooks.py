"""Under an installed plugin the native engine does not stand in for
(site/, on PYTHONPATH for both tools): its hook skips the slow test."""
import pytest


@pytest.mark.slow
def test_slow():
    pass


def test_fast():
    pass
