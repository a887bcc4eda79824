def test_kept():
    pass
