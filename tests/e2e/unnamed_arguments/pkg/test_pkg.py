def test_in_package(): pass
