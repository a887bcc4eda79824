"""Failures as a coloured terminal shows them (--color=yes): highlighted
source, failure lines and locations in bold red, chained exceptions'
links in yellow, a fixture lookup error's message in red."""
import pytest


def helper(value):
    return value * 2


def test_assertion():
    value = helper(2)
    assert value == 5, "doubling"


def test_chained():
    try:
        {}["missing"]
    except KeyError as error:
        raise ValueError("while looking it up") from error


def test_message_only():
    pytest.fail("no traceback, the message alone", pytrace=False)


def test_missing_fixture(no_such_fixture):
    pass


def test_passes():
    pass
