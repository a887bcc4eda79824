import unittest


class TestCaseBasics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.resource = "ready"

    def setUp(self):
        self.value = 1

    def tearDown(self):
        self.value = None

    def test_pass(self):
        self.assertEqual(self.value, 1)
        self.assertEqual(self.resource, "ready")

    def test_fail(self):
        self.assertEqual(self.value, 2)

    def test_fail_in_assert_method(self):
        # unittest's own frames (assertEqual and below) leave the traceback.
        self.assertEqual((1, "a"), (1, "b"))

    def test_error(self):
        raise KeyError("missing")

    @unittest.skip("skipped by decorator")
    def test_skip_decorator(self):
        pass

    @unittest.skipIf(True, "skipped by condition")
    def test_skip_if(self):
        pass

    def test_skip_test(self):
        self.skipTest("skipped inside")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtest_passes(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 3)


@unittest.skip("whole class")
class TestSkippedClass(unittest.TestCase):
    def test_one(self):
        pass


class TestSetUpError(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("setUp failed")

    def test_never_runs(self):
        pass


class TestTearDownError(unittest.TestCase):
    def tearDown(self):
        raise RuntimeError("tearDown failed")

    def test_runs(self):
        pass


class TestSetUpClassError(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("setUpClass failed")

    def test_one(self):
        pass


class NotATest(unittest.TestCase):
    __test__ = False

    def test_hidden(self):
        pass


class TestWithPytestFixtureStyle(unittest.TestCase):
    def test_assert_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
