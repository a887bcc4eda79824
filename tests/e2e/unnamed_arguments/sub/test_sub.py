def test_in_sub(): pass
