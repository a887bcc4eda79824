import pytest


@pytest.mark.incremental
class TestSteps:
    def test_first(self):
        pass

    def test_second(self):
        assert 0, "second step breaks"

    def test_third(self):
        pass


def test_outcome_kept(outcome_seen):
    assert 1 + 1 == 3


def test_outcome_kept_passing(outcome_seen):
    pass


@pytest.mark.flaky
def test_flaky():
    assert False


def test_section_added():
    assert "a" == "b"


@pytest.mark.xfail(reason="expected", strict=True)
def test_xfail_seen():
    raise ValueError()
