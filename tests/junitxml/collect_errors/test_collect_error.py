import nonexistent_module_xyz


def test_never():
    pass
