"""Marks of plugins fastest honours (pytest-timeout's timeout, pytest-xdist's
xdist_group) are registered only when pytest would load those plugins:
otherwise they are unknown marks, which warn, or fail under
--strict-markers. Nor does a timeout mark limit its test then, under any
strategy."""
import time

import pytest


@pytest.mark.timeout(5)
def test_with_a_timeout():
    pass


@pytest.mark.xdist_group("together")
def test_in_a_group():
    pass


def test_plain():
    pass


@pytest.mark.timeout(0.05)
def test_outlasting_its_timeout_mark():
    time.sleep(0.3)
