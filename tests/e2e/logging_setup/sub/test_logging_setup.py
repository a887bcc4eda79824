"""What tests see of the logging configuration: the root logger's handlers
and level at import and in a test, basicConfig calls that do or do not take
effect, and the report sections of a failing test that writes to stdout,
stderr and the log."""
import logging
import sys

logging.basicConfig(level=logging.DEBUG, format="module's handler: %(message)s")
logging.getLogger(__name__).warning("logged while imported")
AT_IMPORT = (logging.getLogger().level, [type(handler).__name__ for handler in logging.getLogger().handlers])


def root_state():
    root = logging.getLogger()
    return root.level, [type(handler).__name__ for handler in root.handlers]


def test_root_logger_at_import_and_in_test():
    print(AT_IMPORT, root_state())


def test_levels_and_caplog(caplog):
    logging.getLogger("levels").debug("below log_level")
    logging.getLogger("levels").info("at log_level")
    caplog.set_level(logging.DEBUG)
    logging.getLogger("levels").debug("after set_level")
    print(caplog.record_tuples)


def test_every_section():
    print("to stdout")
    sys.stderr.write("to stderr\n")
    logging.getLogger("sections").warning("to the log")
    assert False
