import functools
import sys

import pytest

import rendering_helpers
from rendering_helpers import fixture_from_other_module  # noqa: F401


def test_assert_plain():
    x = 1
    assert x == 2


def test_assert_message():
    value = [1, 2, 3]
    assert len(value) == 2, "length mismatch\nsecond line of the message"


def test_raise_value_error():
    raise ValueError("boom")


def inner(n):
    if n > 2:
        raise KeyError(n)
    return inner(n + 1)


def test_nested_calls():
    inner(0)


def test_other_module():
    rendering_helpers.explode(3)


def test_chained_cause():
    try:
        rendering_helpers.parse("x")
    except ValueError as exc:
        raise RuntimeError("could not parse") from exc


def test_chained_context():
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("while handling")


def test_suppressed_context():
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("no context shown") from None


def recurse():
    return recurse()


def test_recursion():
    recurse()


def test_unicode_message():
    raise ValueError("héllo ☃ — ünïcode")


def test_pytest_fail():
    pytest.fail("explicit failure")


def test_pytest_fail_without_trace():
    pytest.fail("only this message\nand this line", pytrace=False)


def test_did_not_raise():
    with pytest.raises(ValueError):
        pass


def passthrough(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@passthrough
def test_decorated():
    raise OSError(2, "No such file")


def test_multiline_statement():
    total = sum(
        [
            1,
            2,
        ]
    ) + rendering_helpers.parse(
        "not a number"
    )
    assert total


def test_traceback_hide():
    rendering_helpers.hidden_check(0)


def test_traceback_hide_asked_assertion():
    rendering_helpers.hidden_for_assertions(-1)


def test_traceback_hide_asked_other_error():
    rendering_helpers.hidden_for_assertions(None)


def test_locals_shown():
    number = 42
    text = "some text"
    items = list(range(100))
    mapping = {"a": 1, "b": [1, 2, 3]}
    long_text = "x" * 500
    assert number == text


def test_exception_note():
    exc = ValueError("with a note")
    exc.add_note("note one")
    exc.add_note("note two")
    raise exc


def test_exception_group():
    raise ExceptionGroup("many", [ValueError("one"), TypeError("two")])


class TestInClass:
    def test_method(self):
        self.helper()

    def helper(self):
        assert 0, "in a method"


def level1():
    level2()


def level2():
    level3()


def level3():
    level4()


def level4():
    raise IndexError("deep")


def test_long_traceback():
    level1()


def test_lambda():
    fn = lambda v: 1 / v  # noqa: E731
    fn(0)


def test_generated_code():
    namespace = {}
    exec("def generated():\n    raise LookupError('from exec')\n", namespace)
    namespace["generated"]()


def test_explicit_assertion_error():
    raise AssertionError("assert something explained")


def test_plain_assertion_error():
    raise AssertionError


def test_failure_in_finally():
    try:
        pass
    finally:
        raise RuntimeError("in finally")

    # trailing comment


def test_failure_in_else():
    try:
        x = 1
    except Exception:
        pass
    else:
        raise RuntimeError("in else")


def test_with_arguments(sample_fixture, other_fixture):
    assert sample_fixture == other_fixture


def test_system_exit():
    sys.exit(3)


def test_multiline_exception_message():
    raise ValueError("first\n  second\nthird")


def test_broken_repr_local():
    class Broken:
        def __repr__(self):
            raise RuntimeError("no repr")

    obj = Broken()
    assert obj is None


def test_nested_function_definition():
    def local_helper(value):
        if value:
            raise ZeroDivisionError("local helper")

    local_helper(1)


def test_assert_in_loop():
    for i in range(3):
        assert i < 1, f"i was {i}"


def test_keyerror_tuple():
    raise KeyError(("a", 1))


@pytest.fixture
def sample_fixture():
    return {"value": 1}


@pytest.fixture
def other_fixture():
    return [1, 2]


@pytest.fixture
def broken_fixture():
    raise ConnectionError("fixture could not connect")


def test_uses_broken_fixture(broken_fixture):
    pass


@pytest.fixture
def broken_generator_fixture():
    rendering_helpers.parse("bad")
    yield 1


def test_uses_broken_generator_fixture(broken_generator_fixture):
    pass


def test_uses_fixture_from_other_module(fixture_from_other_module):
    pass


@pytest.fixture
def failing_teardown():
    yield "value"
    raise RuntimeError("teardown went wrong")


def test_uses_failing_teardown(failing_teardown):
    pass


@pytest.fixture
def failing_teardown_helper():
    yield "value"
    rendering_helpers.explode(1)


def test_uses_failing_teardown_helper(failing_teardown_helper):
    assert failing_teardown_helper == "other"
