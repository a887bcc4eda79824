"""What blocking a builtin plugin the native engine does not model changes:
-p no:unittest (TestCase classes collected as plain classes, which have a
constructor), -p no:skipping (skip calls still skip, xfail marks are
ignored), -p no:python (nothing collected). fastest gives such runs to the
pytest engine."""
import unittest

import pytest


class TestCaseStyle(unittest.TestCase):
    def test_assert_equal(self):
        self.assertEqual(1, 1)


def test_plain(monkeypatch, recwarn):
    pass


def test_skip_call():
    pytest.skip("skipped by a call")


@pytest.mark.xfail(reason="expected to fail")
def test_xfail_mark():
    assert 0
