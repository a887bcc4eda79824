import pytest


def test_generated(number):
    assert number < 3


@pytest.mark.slow
def test_slow():
    assert True


def test_plain():
    print("captured output")
    assert [1, 2] == [1, 3]


class TestGroup:
    def test_in_class(self, number):
        assert number

    @pytest.mark.xfail(reason="known")
    def test_xfail(self):
        assert False


def test_missing_fixture(missing_fixture):
    pass
