"""Skip marks on the test, on its class, by keyword: pytest's short summary
shows an inherited skip mark by file alone (JUnit keeps the line)."""
import pytest


@pytest.mark.skip(reason="on the test")
def test_own_mark():
    pass


@pytest.mark.skip(reason="on the class")
class TestSkipped:
    def test_one(self):
        pass

    def test_two(self):
        pass


@pytest.mark.slow
def test_slow_by_own_mark():
    pass


def test_runs():
    pass
