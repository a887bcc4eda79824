"""A conftest collection finds (not an initial one): pytest calls its
session finish and unconfigure too, before the initial conftest's."""


def pytest_sessionfinish(session, exitstatus):
    print(f"checks: {len(session.items)} items, {session.testscollected} collected")


def pytest_unconfigure(config):
    print("checks unconfigured")
