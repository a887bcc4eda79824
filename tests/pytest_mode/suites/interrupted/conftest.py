"""The session's end under an interruption: pytest runs
pytest_sessionfinish with its exit status (2, or pytest.exit()'s
returncode)."""


def pytest_sessionfinish(session, exitstatus):
    print(f"session finished: exit status {int(exitstatus)}")
