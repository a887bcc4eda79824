import conftest


def test_still_once():
    assert len(conftest.CALLS) == 1
