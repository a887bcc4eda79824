import pytest


@pytest.mark.parametrize("value", [0, 1, 2])
def test_values(value, resource):
    resource["count"] += 1
    assert value != 2


@pytest.mark.skip(reason="skipped on purpose")
def test_skipped():
    pass


@pytest.fixture
def broken():
    raise RuntimeError("setup fails")


def test_error(broken):
    pass


@pytest.mark.fast
def test_fast():
    assert True
