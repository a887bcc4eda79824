"""pytest_warning_recorded, a hook only the pytest engine runs: with
workers, the process that reports hears their warnings again, as
pytest-xdist's controller does, rebuilt from what they sent."""
import os

RECORDED = []


def pytest_warning_recorded(warning_message, when, nodeid, location):
    message = warning_message.message
    RECORDED.append(
        (
            when,
            nodeid,
            warning_message.category.__name__,
            type(message).__name__,
            str(message),
            os.path.basename(warning_message.filename),
            warning_message.lineno,
        )
    )


def pytest_terminal_summary(terminalreporter):
    terminalreporter.section("warnings recorded")
    for record in sorted(RECORDED):
        terminalreporter.write_line(repr(record))
