"""fastest's pytest recorder (fastest.pytest_mode.report_events) with every
skip's real line kept: the recorder folds a test's own skip mark to line -1,
as pytest's terminal summary groups it, but the JUnit report shows the line
(as the native engine sends it)."""
from fastest.pytest_mode import report_events

report_events._skip_is_folded_per_file = lambda report: False
pytest_configure = report_events.pytest_configure
