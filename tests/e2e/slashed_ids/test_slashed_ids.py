"""Parameter ids holding "/" sequences. Run from outside the rootdir, pytest
shows node ids relative to the invocation directory through pathlib, which
folds "//" and "/./" and drops a trailing "/"; from the rootdir it shows
them as they are."""
import pytest


@pytest.mark.parametrize("separator", ["//", "a/./b", "x/", "/lead", "a/../b"])
def test_separator(separator):
    assert separator != "a/../b"
