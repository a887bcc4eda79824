import unittest

import pytest


class TestPlain:
    def test_method(self):
        pass

    @staticmethod
    def test_static():
        pass

    @classmethod
    def test_classmethod(cls):
        pass

    def helper(self):
        pass


class TestWithInit:
    def __init__(self):
        pass

    def test_never(self):
        pass


class Base:
    def test_inherited(self):
        pass


class TestDerived(Base):
    def test_own(self):
        pass


class TestNotCollected:
    __test__ = False

    def test_x(self):
        pass


@pytest.mark.skip(reason="class skip")
class TestSkippedClass:
    def test_a(self):
        pass


class TestXunit:
    log = []

    @classmethod
    def setup_class(cls):
        cls.log.append("setup_class")

    def setup_method(self, method):
        self.log.append("setup_method")

    def teardown_method(self, method):
        self.log.append("teardown_method")

    def test_first(self):
        assert self.log == ["setup_class", "setup_method"]

    def test_second(self):
        assert self.log[-1] == "setup_method"


class TestBrokenSetup:
    def setup_method(self, method):
        raise RuntimeError("setup broke")

    def test_x(self):
        pass


module_log = []


def setup_module(module):
    module_log.append("setup_module")


def setup_function(function):
    module_log.append("setup_function")


def test_module_setup():
    assert module_log[0] == "setup_module"


class MyCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = 1

    def setUp(self):
        self.value = 2

    def test_ok(self):
        self.assertEqual(self.value + self.shared, 3)

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        raise KeyError("k")

    @unittest.skip("ut skip")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 1)


class BrokenTearDown(unittest.TestCase):
    def tearDown(self):
        raise RuntimeError("td")

    def test_x(self):
        pass


@unittest.skip("whole class")
class SkippedCase(unittest.TestCase):
    def test_a(self):
        pass


class BrokenSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("class setup")

    def test_a(self):
        pass

    def test_b(self):
        pass
