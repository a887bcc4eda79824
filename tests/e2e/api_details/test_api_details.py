"""Details of pytest's API that test code observes."""
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
