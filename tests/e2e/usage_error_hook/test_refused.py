def test_never_run():
    pass


def test_never_run_either():
    pass
