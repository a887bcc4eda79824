"""Strict xfails that pass fail with a plain-text report, on its own line."""
import pytest


@pytest.mark.xfail
def test_without_reason():
    pass


@pytest.mark.xfail(reason="the bug is fixed")
def test_with_reason():
    pass


@pytest.mark.xfail(strict=False)
def test_not_strict():
    pass
