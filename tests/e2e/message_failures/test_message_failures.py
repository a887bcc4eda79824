"""Failures pytest reports without a traceback: strict xfails that pass
(plain text), pytest.fail(pytrace=False) and unittest's unexpected success
(a traceback shown as its message alone, with no crash entry)."""
import unittest

import pytest


@pytest.mark.xfail
def test_strict_without_reason():
    pass


@pytest.mark.xfail(reason="the bug is fixed")
def test_strict_with_reason():
    pass


@pytest.mark.xfail(strict=False)
def test_not_strict():
    pass


def test_fail_without_traceback():
    pytest.fail("only the message", pytrace=False)


class TestUnexpectedSuccess(unittest.TestCase):
    @unittest.expectedFailure
    def test_passes_anyway(self):
        pass
