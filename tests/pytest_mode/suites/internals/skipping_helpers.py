"""A project's test helpers reading pytest's internals, as joblib's
joblib/testing.py does: the test modules importing them do not."""
import _pytest

SkipTest = _pytest.runner.Skipped


def skip_unless(condition, reason):
    if not condition:
        raise SkipTest(reason)
