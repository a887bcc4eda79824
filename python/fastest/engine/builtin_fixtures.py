"""The fixtures pytest's core itself defines (the rest come from the
builtin fixture plugin and fastest.capture)."""
from fastest.pytest_api.fixture_decorator import fixture


@fixture(scope="session")
def pytestconfig(request):
    """The session's config object."""
    return request.config
