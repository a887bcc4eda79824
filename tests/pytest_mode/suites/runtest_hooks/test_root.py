import pytest


def test_plain():
    assert True


def test_fails():
    assert 1 == 2


@pytest.mark.needs_network
def test_network():
    pass


def test_fixture_seen(resource):
    assert resource == "resource"


def test_forced():
    raise ValueError("the wrapper forces a result")


@pytest.mark.xfail(reason="known")
def test_expected_failure():
    raise KeyError("x")


class TestMethods:
    def test_one(self):
        pass

    @pytest.mark.skip(reason="skipped by mark")
    def test_skipped(self):
        pass
