import pytest


@pytest.mark.skip(reason="by mark")
def test_marked_skip_but_fails():
    pass


def test_call_hook_raises():
    print("never printed")


def test_teardown_hook_fails(value):
    pass


def test_after_teardown_failure(value):
    pass


def test_value(value):
    assert value == 3


@pytest.mark.parametrize("n", [1, 2])
def test_param(n):
    assert n < 2


@pytest.mark.needs_network
def test_inner_network():
    pass
