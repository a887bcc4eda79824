"""PYTEST_CURRENT_TEST as the process sees it, not only os.environ: what
getenv(3) returns and what a child process inherits, also after a test
set or removed the variable itself, and for a value longer than any before."""
import ctypes
import os
import subprocess

import pytest

libc = ctypes.CDLL(None)
libc.getenv.restype = ctypes.c_char_p


def process_value():
    value = libc.getenv(b"PYTEST_CURRENT_TEST")
    return None if value is None else value.decode()


def inherited_value():
    shell = subprocess.run(["sh", "-c", 'echo "${PYTEST_CURRENT_TEST-unset}"'], capture_output=True, text=True)
    return shell.stdout.strip()


@pytest.fixture
def at_setup():
    seen = (os.environ.get("PYTEST_CURRENT_TEST"), process_value())
    yield seen
    assert process_value() == os.environ["PYTEST_CURRENT_TEST"]
    assert process_value().endswith("(teardown)")


def test_every_view_agrees(at_setup):
    assert at_setup[0] == at_setup[1] == "test_current_test_variable.py::test_every_view_agrees (setup)"
    assert process_value() == os.environ["PYTEST_CURRENT_TEST"] == inherited_value()


def test_set_by_the_test():
    os.environ["PYTEST_CURRENT_TEST"] = "the test's own"
    assert process_value() == inherited_value() == "the test's own"


@pytest.mark.parametrize("name", ["short", "long" * 200])
def test_after_the_test_set_it(name):
    assert process_value() == os.environ["PYTEST_CURRENT_TEST"] == inherited_value()


def test_removed_by_the_test(monkeypatch):
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    assert process_value() is None
    assert inherited_value() == "unset"


def test_after_the_test_removed_it():
    assert process_value() == "test_current_test_variable.py::test_after_the_test_removed_it (call)"


def test_removed_for_good():
    del os.environ["PYTEST_CURRENT_TEST"]
    assert inherited_value() == "unset"


def test_back_after_removal():
    assert inherited_value() == os.environ["PYTEST_CURRENT_TEST"]
