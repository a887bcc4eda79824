def test_at_the_root():
    pass
