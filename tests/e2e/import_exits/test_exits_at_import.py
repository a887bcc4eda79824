"""A test module that calls sys.exit() while it is imported: pytest reports
the file as a collection error (SystemExit), it does not end the run."""
import sys

sys.exit(3)


def test_never_collected():
    pass
