def test_below_a_printing_conftest():
    pass
