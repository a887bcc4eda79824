"""pytest.exit(returncode=3): that is the exit code, and the message comes
after the statistics (pytest reports it when it unconfigures)."""
import pytest


def test_before():
    pass


def test_exits():
    pytest.exit("stopping with 3", returncode=3)


def test_never_reached():
    pass
