def test_checked():
    pass
