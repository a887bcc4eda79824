"""Tests that replace what a runner reads as it runs them: time's clocks,
os.environ. pytest reads its own bound clocks and writes
PYTEST_CURRENT_TEST through whatever os.environ is."""
import os
import time
from unittest import mock

import pytest


def test_clocks_mocked(monkeypatch):
    monkeypatch.setattr(time, "perf_counter", mock.Mock())
    monkeypatch.setattr(time, "time", mock.Mock())
    assert time.time() is not None


def test_clocks_frozen(monkeypatch):
    monkeypatch.setattr(time, "perf_counter", lambda: 0.0)
    assert time.perf_counter() == 0.0


@pytest.fixture
def bare_environ(monkeypatch):
    monkeypatch.setattr(os, "environ", {})
    yield os.environ


def test_environ_replaced_by_fixture(bare_environ):
    assert bare_environ["PYTEST_CURRENT_TEST"].endswith("::test_environ_replaced_by_fixture (call)")


def test_environ_replaced_in_test(monkeypatch):
    monkeypatch.setattr(os, "environ", {"HOME": "/nowhere"})
    assert os.environ == {"HOME": "/nowhere"}


def test_environ_restored():
    assert os.environ["PYTEST_CURRENT_TEST"].endswith("::test_environ_restored (call)")
