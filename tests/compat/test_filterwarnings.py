import warnings

import pytest


def test_warning_recorded():
    warnings.warn("plain user warning", UserWarning)


@pytest.mark.filterwarnings("error")
def test_warning_as_error():
    warnings.warn("now an error", UserWarning)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_warning_ignored():
    warnings.warn("ignored", UserWarning)


@pytest.mark.filterwarnings("error")
@pytest.mark.filterwarnings("ignore")
def test_stacked_error_over_ignore():
    warnings.warn("x", UserWarning)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.filterwarnings("error")
def test_stacked_ignore_over_error():
    warnings.warn("x", UserWarning)


@pytest.mark.filterwarnings("ignore", "error")
def test_arguments_of_one_mark():
    warnings.warn("x", UserWarning)


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_deprecation_error():
    warnings.warn("old", DeprecationWarning)


def test_deprecation_shown():
    warnings.warn("old api", DeprecationWarning)


@pytest.mark.filterwarnings("error:match me:UserWarning")
def test_message_filter_matches():
    warnings.warn("match me please", UserWarning)


@pytest.mark.filterwarnings("error:match me:UserWarning")
def test_message_filter_other():
    warnings.warn("something else", UserWarning)


class TestClassFilter:
    pytestmark = pytest.mark.filterwarnings("ignore")

    def test_class_ignores(self):
        warnings.warn("x", UserWarning)

    @pytest.mark.filterwarnings("error")
    def test_class_mark_applied_last_wins(self):
        warnings.warn("x", UserWarning)


@pytest.fixture
def warns_in_setup():
    warnings.warn("from setup", UserWarning)


def test_warning_in_fixture(warns_in_setup):
    pass
