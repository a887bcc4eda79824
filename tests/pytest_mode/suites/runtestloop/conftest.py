"""A pytest_runtestloop wrapper, as pytest-cov's: its code after the loop
sees every item run (its outcome, the session's failures) and reports in
the terminal summary."""
import logging

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtestloop(session):
    # pytest's logging plugin wraps the loop too: its handlers are on now.
    session.config.handlers_in_loop = len(logging.getLogger().handlers)
    outcome = yield
    session.config.loop_end = (outcome.get_result(), session.testsfailed, session.testscollected)


def pytest_terminal_summary(terminalreporter, config):
    terminalreporter.section("runtestloop suite summary")
    terminalreporter.write_line(f"loop end: {getattr(config, 'loop_end', None)}")
    terminalreporter.write_line(f"root handlers in the loop: {getattr(config, 'handlers_in_loop', None)}")
