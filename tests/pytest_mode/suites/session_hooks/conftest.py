"""Session hooks that print: what they write lands where pytest writes it
(before the header, right after the progress, after the statistics); and
pytest's exit status is what pytest_sessionfinish leaves in
session.exitstatus (a common way to pass a run that selected nothing)."""


def pytest_sessionstart(session):
    print("session starts")


def pytest_sessionfinish(session, exitstatus):
    print(f"session finished: exit status {exitstatus}, {session.testsfailed} failed")
    if exitstatus == 5:
        session.exitstatus = 0


def pytest_unconfigure(config):
    print("unconfigured")
