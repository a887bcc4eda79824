"""pytest.exit() stops the session; without a returncode the exit code is
2 and its message comes before the statistics (with one, see
tests/e2e/exit_code_requested)."""
import pytest


def test_before():
    pass


def test_exits():
    pytest.exit("stopping here")


def test_never_reached():
    pass
