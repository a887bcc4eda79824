"""Which worker ran what: the suites of the --dist tests log a unit name
and os.getpid() per test to the file $UNIT_LOG names; these run fastest on
such a suite and read the log back."""
import os
import subprocess

# What a logging test module starts with; its tests call _log(unit).
LOGGING_PRELUDE = '''\
import os
import pytest


_log_fd = _log_pid = None


def _log(unit):
    # One write a line, on a descriptor each process opens once: a test
    # that logs costs it microseconds, not the hundreds an open() takes
    # (measure-first times such tests; slow ones would send them to
    # workers on a loaded machine).
    global _log_fd, _log_pid
    if _log_pid != os.getpid():
        _log_fd = os.open(os.environ["UNIT_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        _log_pid = os.getpid()
    os.write(_log_fd, f"{unit} {os.getpid()}\\n".encode())
'''


def run_with_log(command, suite, log, autoload=False):
    """Runs command in suite with $UNIT_LOG at log: (the finished process,
    the log's lines, each split into its words). Plugin autoload is off
    unless asked for (users' runs have it on)."""
    env = dict(os.environ, UNIT_LOG=log, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    if autoload:
        del env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"]
    run = subprocess.run(command, cwd=suite, env=env, capture_output=True, text=True)
    lines = []
    if os.path.exists(log):
        with open(log) as logged:
            lines = [tuple(line.split()) for line in logged]
    return run, lines


def run_logged(command, suite, log):
    """Runs command in suite with $UNIT_LOG at log: (the finished process,
    {unit: set of worker pids})."""
    run, lines = run_with_log(command, suite, log)
    workers = {}
    for unit, pid in lines:
        workers.setdefault(unit, set()).add(pid)
    return run, workers


def common_problems(run, workers):
    """A failed run, or a run that proves nothing about splitting."""
    problems = []
    if run.returncode != 0:
        problems.append(f"exit {run.returncode}: {run.stdout}{run.stderr}")
    if len(set().union(*workers.values())) < 2:
        problems.append("everything ran on one worker: the check proves nothing")
    return problems
