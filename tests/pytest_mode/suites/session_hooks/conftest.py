"""Session hooks that print: what they write lands where pytest writes it
(before the header, right after the progress, after the statistics)."""


def pytest_sessionstart(session):
    print("session starts")


def pytest_sessionfinish(session, exitstatus):
    print(f"session finished: exit status {exitstatus}, {session.testsfailed} failed")


def pytest_unconfigure(config):
    print("unconfigured")
