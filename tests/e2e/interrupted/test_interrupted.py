"""A test raising KeyboardInterrupt stops the session, as Ctrl-C does:
what ran is reported, then pytest's "KeyboardInterrupt" section; exit 2.
Under workers, nothing after it in plan order is reported."""


def test_before():
    print("before")


def test_fails_first():
    assert 1 == 2


def test_interrupted():
    raise KeyboardInterrupt


def test_never_reached():
    pass
