import not_installed_anywhere


def test_never_collected():
    assert not_installed_anywhere
