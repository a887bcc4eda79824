def test_in_testpaths():
    pass
