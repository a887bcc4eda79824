from .. import EVENTS


def test_inner_sees_package_setup():
    assert "package setup" in EVENTS


def test_inner_fails():
    assert EVENTS == []
