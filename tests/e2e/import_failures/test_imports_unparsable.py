import unparsable_helper


def test_never_collected():
    assert unparsable_helper
