import rendering_broken_helper


def test_never():
    pass
