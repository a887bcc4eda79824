"""Warnings pytest locates in its own code (it issues them, or their
stacklevel reaches the code calling a test or fixture): the summary shows
pytest's file, line and source line; so do the skips pytest raises itself
(-rs). Also the order of collection warnings: a class's constructor
warning follows its module's own, and the initial conftest's import warning
(conftest.py) comes before them all."""
import warnings

import pytest


class TestWithConstructor:
    def __init__(self):
        pass

    def test_never_collected(self):
        pass


def test_generator():
    yield 1


def test_returns_a_value():
    return 5


async def test_coroutine():
    pass


def test_warns_none():
    with pytest.warns(None):
        pass


class TestNoseMethods:
    def setup(self):
        pass

    def teardown(self):
        pass

    def test_method(self):
        pass


@pytest.fixture
def warns_to_its_caller():
    warnings.warn("from a plain fixture", UserWarning, stacklevel=2)


@pytest.fixture
def yields_and_warns_to_its_caller():
    warnings.warn("from a fixture's setup", UserWarning, stacklevel=2)
    yield
    warnings.warn("from a fixture's teardown", UserWarning, stacklevel=2)


def test_fixture_warnings(warns_to_its_caller, yields_and_warns_to_its_caller):
    pass


def test_warns_to_its_caller():
    warnings.warn("from a test", UserWarning, stacklevel=2)


def test_unittest_skiptest():
    import unittest

    raise unittest.SkipTest("pytest turns this into its own skip")
