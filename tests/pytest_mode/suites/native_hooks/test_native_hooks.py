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


def test_options(option_values):
    assert option_values == "who=world tag=[] loud=None level=1"


def test_builtin_options(builtin_option_values):
    assert builtin_option_values == (
        "--doctest-modules=False -x=0 --durations=None --durations-min=0.005 --no-header=False -v=1 --capture='fd' "
        "lf=unknown junitxml=True"
    )


def test_ini(ini_values):
    assert ini_values == "flavour=lemon colours=['red']"


class TestGroup:
    def test_in_class(self, number):
        assert number >= 0

    @pytest.mark.xfail(reason="known")
    def test_xfail(self):
        assert False


def test_configured_warning_filter():
    import warnings

    with pytest.raises(UserWarning):
        warnings.warn("configured filter", UserWarning)


def test_seen_at_collection(request):
    assert request.node.get_closest_marker("seen") is not None
