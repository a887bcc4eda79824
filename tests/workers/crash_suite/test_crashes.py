"""Tests that take their worker down, between tests that pass: under a
worker strategy each crash must cost only its own test. The run's
--timeout is 1 s; timeout marks override it for their test."""
import ctypes
import os
import signal
import sys
import time

import pytest


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


def test_breaks_its_engine():
    # As a bug of fastest's would: the engine running this test fails as
    # it makes the test's report (the native engine's runner, the pytest
    # engine's report converter).
    runner = sys.modules.get("fastest.engine.runner")
    if runner is not None:
        runner._report_base = None
    converter = sys.modules.get("fastest.pytest_mode.report_events")
    if converter is not None:
        converter._location_fields = None


def test_hang():
    time.sleep(60)


@pytest.mark.timeout(0.3)
def test_hang_past_its_mark():
    time.sleep(60)


@pytest.mark.timeout(0)
def test_no_limit_by_mark():
    time.sleep(1.3)


@pytest.mark.timeout(timeout=5)
def test_longer_limit_by_mark():
    time.sleep(1.3)


def test_after():
    pass
