"""Details of pytest's API that test code observes."""
import os
import sys

import pytest


def test_invocation_args_are_the_command_line(pytestconfig):
    assert pytestconfig.invocation_params.args == tuple(sys.argv[1:])
    assert pytestconfig.invocation_params.args


def test_mark_decorator_repr():
    assert repr(pytest.mark.slow) == "MarkDecorator(mark=Mark(name='slow', args=(), kwargs={}))"
    assert repr(pytest.mark.skipif(True, reason="r")) == (
        "MarkDecorator(mark=Mark(name='skipif', args=(True,), kwargs={'reason': 'r'}))"
    )


def test_session_repr(request):
    assert repr(request.session) == (
        f"<Session api_details exitstatus=<ExitCode.OK: 0> testsfailed=0 "
        f"testscollected={request.session.testscollected}>"
    )
    assert request.session.exitstatus == pytest.ExitCode.OK


CURRENT_TEST_AT_IMPORT = os.environ.get("PYTEST_CURRENT_TEST")


@pytest.fixture
def phases_seen():
    seen = [os.environ["PYTEST_CURRENT_TEST"]]
    yield seen
    assert os.environ["PYTEST_CURRENT_TEST"] == seen[0].replace("(setup)", "(teardown)")


def test_current_test_variable(phases_seen):
    assert CURRENT_TEST_AT_IMPORT is None
    assert phases_seen == ["test_api_details.py::test_current_test_variable (setup)"]
    assert os.environ["PYTEST_CURRENT_TEST"] == "test_api_details.py::test_current_test_variable (call)"


@pytest.mark.xfail(reason="its exception is kept for post-mortem debugging", strict=True)
def test_raises_for_post_mortem():
    raise KeyError("kept")


@pytest.fixture
def last_value_at_setup():
    return repr(getattr(sys, "last_value", None))


def test_last_value_kept_until_the_next_call(last_value_at_setup):
    assert last_value_at_setup == "KeyError('kept')"
    assert not hasattr(sys, "last_value")


def test_faulthandler_enabled():
    import faulthandler

    assert faulthandler.is_enabled()


def test_captured_stdin_repr():
    assert repr(sys.stdin).startswith("<_pytest.capture.DontReadFromInput object at 0x")


def test_markers_registered_after_the_conftests(pytestconfig):
    import conftest

    assert conftest.MARKERS_AT_CONFIGURE == ["api_details: registered by this conftest"]
    names = [line.split(":")[0].split("(")[0] for line in pytestconfig.getini("markers")]
    assert names.index("api_details") < names.index("skip")


def test_conftest_imported_once():
    assert os.environ["API_DETAILS_CONFTEST_IMPORTS"] == "1"
