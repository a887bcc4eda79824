def test_in_a_later_module():
    pass
