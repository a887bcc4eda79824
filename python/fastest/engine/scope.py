"""Fixture scopes as ordered integers (wider scope = larger number)."""
FUNCTION, CLASS, MODULE, PACKAGE, SESSION = range(5)
NAMES = ("function", "class", "module", "package", "session")
HIGH_SCOPES = (SESSION, PACKAGE, MODULE, CLASS)


def from_user(name: str, descr: str, where: str = "") -> int:
    """The scope named ``name``, or pytest's error for an unknown one."""
    try:
        return NAMES.index(name)
    except ValueError:
        from fastest.pytest_api.outcomes import fail

        fail(f"{descr} {where}got an unexpected scope value '{name}'", pytrace=False)
