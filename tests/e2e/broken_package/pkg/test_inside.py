def test_in_broken_package():
    pass
