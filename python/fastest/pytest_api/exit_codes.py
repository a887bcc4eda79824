"""``pytest.ExitCode``: the exit statuses of a pytest run (and of
fastest's)."""
import enum


class ExitCode(enum.IntEnum):
    OK = 0
    TESTS_FAILED = 1
    INTERRUPTED = 2
    INTERNAL_ERROR = 3
    USAGE_ERROR = 4
    NO_TESTS_COLLECTED = 5


# pytest's module: its repr and pickles name it there.
ExitCode.__module__ = "_pytest.config"
