"""A pytest plugin (``-p record_pytest_messages``) that writes, for every test
whose call raised AssertionError, ``str(exception)`` to the JSON file named by
$FASTEST_ASSERT_MESSAGES: the messages pytest's own rewriter produced."""
import json
import os
from typing import Dict

import pytest

_messages: Dict[str, str] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    yield
    if call.when == "call" and call.excinfo is not None and call.excinfo.errisinstance(AssertionError):
        _messages[item.nodeid] = str(call.excinfo.value)


def pytest_sessionfinish(session):
    with open(os.environ["FASTEST_ASSERT_MESSAGES"], "w", encoding="utf-8") as out:
        json.dump(_messages, out, indent=1, sort_keys=True)
