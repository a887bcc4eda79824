"""Tests that take their worker down, between tests that pass: under a
worker strategy each crash must cost only its own test."""
import ctypes
import os
import signal
import time


def test_before():
    pass


def test_segfault():
    print("about to crash")
    ctypes.string_at(0)


def test_between():
    pass


def test_exit():
    os._exit(3)


def test_sigkill():
    os.kill(os.getpid(), signal.SIGKILL)


def test_hang():
    time.sleep(60)


def test_after():
    pass
