"""See first/test_same_name.py."""


def test_second():
    pass
