"""Log records in each phase: "Captured log" sections from pytest's logging
plugin, or, with it blocked (-p no:logging), what logging's last-resort
handler writes to stderr (warnings and above)."""
import logging

import pytest

logger = logging.getLogger("logged")


@pytest.fixture
def noisy():
    logger.warning("set up")
    yield
    logger.error("torn down")


def test_fails_after_logging(noisy):
    logger.warning("in the call: %s", 42)
    logger.info("below the default level")
    assert False


def test_passes_after_logging(noisy):
    logger.critical("critical")
