def test_outside_testpaths():
    assert False, 'only collected when named'
