# A wildcard brings every name _pytest.outcomes has, which the native
# engine's module does not stand for: the pytest engine runs this file.
from _pytest.outcomes import *  # noqa: F401,F403


def test_wildcard():
    assert Failed is fail.Exception  # noqa: F405
