from outer import EVENTS


def test_after_packages():
    print(EVENTS)
