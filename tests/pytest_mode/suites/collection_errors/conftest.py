"""A terminal summary hook in a suite whose collection fails: pytest ends
its session (interrupted, or not with --continue-on-collection-errors) and
the hook still writes."""


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    outcomes = ("passed", "failed", "error")
    counts = ", ".join(f"{key} {len(terminalreporter.stats.get(key, []))}" for key in outcomes)
    terminalreporter.section("collection errors suite summary")
    terminalreporter.write_line(f"exit status {exitstatus}: {counts}")
