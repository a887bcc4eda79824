"""Output from every phase, through sys and straight to the descriptors,
item after item: each report must carry exactly its own phase's output."""
import os
import sys

import pytest


@pytest.fixture
def noisy():
    print("setup says hello")
    os.write(2, b"setup wrote to fd 2\n")
    yield
    print("teardown says goodbye")
    os.write(1, b"teardown wrote to fd 1\n")


@pytest.mark.parametrize("number", range(4))
def test_prints(noisy, number):
    print(f"call {number}")
    sys.stderr.write(f"call {number} on stderr\n")
    assert number != 2


def test_silent():
    pass


def test_fd_only():
    os.write(1, b"fd only\n")
    assert False
