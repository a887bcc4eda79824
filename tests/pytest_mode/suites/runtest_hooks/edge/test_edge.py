import unittest

import pytest


class TestCase(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def test_case_one(self):
        self.assertEqual(self.value, 1)

    def test_case_two(self):
        self.assertEqual(self.value, 2)

    @unittest.skip("unittest skip")
    def test_case_skipped(self):
        pass


def test_wrapper_raises():
    pass


def test_skip_inside():
    pytest.skip("inside")


@pytest.mark.xfail(strict=True)
def test_xpass_strict():
    pass
