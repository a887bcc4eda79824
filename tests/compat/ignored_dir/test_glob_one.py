def test_ignored_by_glob():
    assert 0
