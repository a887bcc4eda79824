"""NUL characters in what a report shows: a test's output, an assertion's
explanation, a skip's reason. Each report is whole, as pytest's is."""
import pytest


def test_prints_nul():
    print("before\x00after")
    assert 0


def test_compares_nul():
    assert "a\x00b" == "a\x00c"


def test_skips_with_nul():
    pytest.skip("reason\x00with a NUL")


def test_passes_after():
    pass
