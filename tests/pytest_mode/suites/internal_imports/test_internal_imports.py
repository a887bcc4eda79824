import warnings

import pytest
from _pytest.capture import CaptureFixture
from _pytest.logging import LogCaptureFixture
from _pytest.mark import param
from _pytest.outcomes import Exit, Failed, OutcomeException, Skipped, XFailed
from _pytest.outcomes import fail as fail_now, skip, xfail
from _pytest.python_api import approx
from _pytest.tmpdir import TempPathFactory

from warning_checks import expect_warning, skip_without


def test_the_same_exceptions_as_pytest():
    assert Failed is pytest.fail.Exception
    assert Skipped is pytest.skip.Exception
    assert XFailed is pytest.xfail.Exception
    assert Exit is pytest.exit.Exception
    assert issubclass(Failed, OutcomeException)


def test_raises_catches_an_imported_failure():
    with pytest.raises(Failed, match="stop"):
        pytest.fail("stop here")


def test_helper_fails():
    expect_warning(lambda: None, DeprecationWarning)


def test_helper_passes():
    expect_warning(lambda: warnings.warn("old", DeprecationWarning), DeprecationWarning)


def test_helper_skips():
    skip_without(False, "a helper's Skipped")


def test_fail_by_alias():
    fail_now("failed through _pytest.outcomes", pytrace=False)


def test_skip_imported():
    skip("skipped through _pytest.outcomes")


def test_xfail_imported():
    xfail("xfailed through _pytest.outcomes")


def test_failed_raised_directly():
    raise Failed("raised as a Failed")


def test_fixture_from_conftest(json_module):
    assert json_module.dumps([1]) == "[1]"



def test_public_names_are_pytests():
    assert CaptureFixture is pytest.CaptureFixture
    assert LogCaptureFixture is pytest.LogCaptureFixture
    assert TempPathFactory is pytest.TempPathFactory
    assert approx is pytest.approx


def test_typed_fixtures(capsys: CaptureFixture, caplog: LogCaptureFixture, tmp_path_factory: TempPathFactory):
    print("captured")
    assert capsys.readouterr().out == "captured\n"
    assert tmp_path_factory.getbasetemp().is_dir()
    assert caplog.records == []


@pytest.mark.typed
@pytest.mark.parametrize("value", [param(0.1 + 0.2, id="sum"), 0.3])
def test_approx(value):
    assert value == approx(0.3)


def test_patched_environment(patched_environment):
    assert patched_environment == "test_patched_environment"


def test_approx_fails():
    assert 0.1 == approx(0.2)


def test_unserved_name_at_run_time():
    # Inside a function, where discovery does not look: pytest's own module.
    from _pytest.config import create_terminal_writer

    assert callable(create_terminal_writer)


def test_parametrized_fixture(parametrized):
    assert parametrized == "typed"
