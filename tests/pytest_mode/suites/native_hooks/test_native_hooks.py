import pytest


@pytest.mark.late
def test_runs_last():
    pass


def test_generated(number):
    assert number < 2


@pytest.mark.slow
def test_slow():
    assert True


def test_dropped_by_the_hook():
    pass


def test_options(pytestconfig):
    assert pytestconfig.getoption("who") == "world"
    assert pytestconfig.option.tag == []
    assert pytestconfig.getoption("loud") is None
    assert pytestconfig.getoption("--level") == 1


def test_option_values(pytestconfig):
    # Fails unless the command line changed them: the failure shows the values.
    assert (pytestconfig.option.who, pytestconfig.option.tag, pytestconfig.option.loud) == ("world", [], None)


def test_ini(pytestconfig):
    assert pytestconfig.getini("flavour") == "lemon"
    assert pytestconfig.getini("colours") == ["red"]


class TestGroup:
    def test_in_class(self, number):
        assert number >= 0

    @pytest.mark.xfail(reason="known")
    def test_xfail(self):
        assert False
