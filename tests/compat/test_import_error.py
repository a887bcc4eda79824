import module_that_does_not_exist_abc  # noqa: F401


def test_never():
    pass
