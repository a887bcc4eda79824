def test_beside():
    pass
