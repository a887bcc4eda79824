import logging


def test_logs_and_fails():
    logging.getLogger("suite").warning("to the conftest's handler")
    assert False


def test_logs_and_passes():
    logging.getLogger("suite").warning("passing")
