from skipping_helpers import SkipTest, skip_unless


def test_skipped_by_helper():
    skip_unless(False, "the helper skips")


def test_not_skipped():
    skip_unless(True, "never")


def test_raises_skip_test():
    raise SkipTest("raised directly")
