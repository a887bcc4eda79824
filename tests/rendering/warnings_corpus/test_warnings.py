import warnings

import pytest


class CorpusWarning(UserWarning):
    pass


def warn_from_helper(message):
    warnings.warn(message, UserWarning, stacklevel=2)


def test_user_warning():
    warnings.warn("a user warning")


def test_deprecation_warning():
    warnings.warn("old api", DeprecationWarning)


def test_pending_deprecation():
    warnings.warn("soon old", PendingDeprecationWarning)


def test_repeated_same_line():
    for _ in range(3):
        warnings.warn("repeated user warning")
        warnings.warn("repeated deprecation", DeprecationWarning)


def test_different_messages():
    for i in range(3):
        warnings.warn(f"message {i}")


def test_custom_category():
    warnings.warn(CorpusWarning("custom category"))


def test_stacklevel():
    warn_from_helper("reported at the caller")


def test_ini_ignored():
    warnings.warn("ini-ignored warning")


def test_ini_error_overridden_by_cmdline():
    warnings.warn("runtime", RuntimeWarning)


def test_cmdline_literal_message():
    warnings.warn("literal (with) [regex] chars")


def test_import_warning_default():
    warnings.warn("import related", ImportWarning)


@pytest.mark.filterwarnings("error::UserWarning")
def test_mark_error():
    warnings.warn("turned into an error")


@pytest.mark.filterwarnings("ignore:.*secret.*")
def test_mark_ignore_regex():
    warnings.warn("this secret is hidden")
    warnings.warn("this one is shown")


@pytest.mark.filterwarnings("error::UserWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_mark_order_top_wins():
    warnings.warn("top decorator applied last")


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.filterwarnings("error::UserWarning")
def test_mark_order_bottom_loses():
    warnings.warn("bottom decorator applied first")


@pytest.mark.filterwarnings("error")
class TestClassMark:
    @pytest.mark.filterwarnings("ignore::DeprecationWarning")
    def test_class_error_wins(self):
        warnings.warn("class mark applied after the method's", DeprecationWarning)

    def test_plain_error(self):
        warnings.warn("class error")


def test_multiline_message():
    warnings.warn("first line\nsecond line")


def test_syntax_warning_via_compile():
    compile("x = 1 is 1", "<compiled>", "exec")
