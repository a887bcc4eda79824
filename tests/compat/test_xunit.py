EVENTS = []


def setup_module(module):
    EVENTS.append("setup_module")


def teardown_module(module):
    EVENTS.append("teardown_module")


def setup_function(function):
    EVENTS.append("setup_function " + function.__name__)


def teardown_function(function):
    EVENTS.append("teardown_function " + function.__name__)


def test_first():
    assert EVENTS == ["setup_module", "setup_function test_first"]


def test_second():
    assert EVENTS[-2:] == ["teardown_function test_first", "setup_function test_second"]


class TestClassLevel:
    @classmethod
    def setup_class(cls):
        cls.shared = ["class"]

    @classmethod
    def teardown_class(cls):
        cls.shared.clear()

    def setup_method(self, method):
        self.local = method.__name__

    def teardown_method(self, method):
        self.local = None

    def test_class_setup(self):
        assert self.shared == ["class"] and self.local == "test_class_setup"

    def test_fails_in_class(self):
        assert self.shared == []


class TestBrokenSetupClass:
    @classmethod
    def setup_class(cls):
        raise RuntimeError("setup_class broke")

    def test_a(self):
        pass

    def test_b(self):
        pass


class TestBrokenTeardownMethod:
    def teardown_method(self, method):
        raise ValueError("teardown_method broke")

    def test_passes_then_teardown_error(self):
        pass
