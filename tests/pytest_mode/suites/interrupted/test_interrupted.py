"""What stops a session from inside a test, selected with -k: a
KeyboardInterrupt (exit 2), pytest.exit() with a returncode (that code),
session.shouldstop (exit 2, "Interrupted: <reason>")."""
import pytest


def test_before():
    pass


def test_fails():
    assert 1 == 2


def test_keyboard_interrupt():
    raise KeyboardInterrupt


def test_exit_with_code():
    pytest.exit("stopping", returncode=3)


def test_asks_to_stop(request):
    request.session.shouldstop = "enough of this"


def test_after():
    pass
