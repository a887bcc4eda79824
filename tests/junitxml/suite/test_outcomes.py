import logging
import sys

import pytest


def test_passes():
    print("hello from a passing test")


def test_assert_fails():
    print("out before failing")
    sys.stderr.write("err before failing\n")
    logging.getLogger("suite").warning("a log line")
    assert 1 + 1 == 3


@pytest.fixture
def broken_setup():
    print("setting up")
    raise RuntimeError("setup exploded")


@pytest.fixture
def broken_teardown():
    yield
    print("tearing down")
    raise ValueError("teardown exploded")


def test_setup_error(broken_setup):
    pass


def test_teardown_error(broken_teardown):
    pass


def test_call_and_teardown_fail(broken_teardown):
    assert False, "call failed too"


@pytest.mark.skip(reason="not today")
def test_skip_mark():
    pass


def test_skip_inside():
    pytest.skip("skipped from the body")


@pytest.mark.skipif(True, reason="condition true")
def test_skipif():
    pass


@pytest.mark.xfail(reason="known bug")
def test_xfail():
    assert False


@pytest.mark.xfail
def test_xfail_no_reason():
    assert False


@pytest.mark.xfail(reason="fixed already")
def test_xpass():
    pass


@pytest.mark.xfail(strict=True)
def test_xpass_strict_without_reason():
    pass


def test_fail_without_traceback():
    pytest.fail("only the message", pytrace=False)


@pytest.mark.xfail(reason="strict one", strict=True)
def test_xpass_strict():
    pass


def test_imperative_xfail():
    pytest.xfail("gave up")


@pytest.mark.parametrize("value", [1, 2, "a::b", "ü"])
def test_params(value):
    assert value != 2


class TestGroup:
    def test_method(self):
        pass

    def test_method_fails(self):
        assert [1, 2] == [1, 3]

    class TestInner:
        def test_nested(self):
            pass


def test_properties(record_property):
    record_property("key", "value")
    record_property("number", 42)
    # Any name: pytest writes str() of it.
    record_property(7, ("a", "tuple"))
    record_property("ctrl", "a\x07b")


def test_unicode_and_control():
    print("tab\there, bell\x07, escape\x1b[0m, emoji 😀, <tag> & \"quotes\"")
    assert "é\x01" == "ö", "message with \x02 control & <angle>"


def test_fail_exception():
    raise KeyError("missing\nkey")
