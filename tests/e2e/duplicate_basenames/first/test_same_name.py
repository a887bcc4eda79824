"""A test module whose basename another folder has too (no __init__.py):
the second one fails to import, as in pytest."""


def test_first():
    pass
