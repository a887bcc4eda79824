"""``@pytest.fixture``: marks a function as a fixture factory. The engine
finds such functions by their ``_pytestfixturefunction`` attribute (the same
attribute pytest uses, so fixtures defined for either are found by both)."""
from __future__ import annotations

import functools

from .outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Tuple

_CALLED_DIRECTLY = (
    'Fixture "{name}" called directly. Fixtures are not meant to be called directly,\n'
    "but are created automatically when test functions request them as parameters.\n"
    "See https://docs.pytest.org/en/stable/explanation/fixtures.html for more information about fixtures, and\n"
    "https://docs.pytest.org/en/stable/deprecations.html#calling-fixtures-directly about how to update your code."
)


class _PytestWrapper:
    """Holds the undecorated fixture function behind the direct-call guard."""

    __slots__ = ("obj",)

    def __init__(self, obj: Callable) -> None:
        self.obj = obj


class FixtureFunctionMarker:
    """The options given to ``@pytest.fixture``."""

    __slots__ = ("scope", "params", "autouse", "ids", "name")

    def __init__(self, scope="function", params=None, autouse: bool = False, ids=None, name: Optional[str] = None):
        self.scope = scope
        self.params: Optional[Tuple[Any, ...]] = tuple(params) if params is not None else None
        self.autouse = autouse
        self.ids = ids if ids is None or callable(ids) else tuple(ids)
        self.name = name

    def __call__(self, function: Callable) -> Callable:
        if isinstance(function, type):
            raise ValueError("class fixtures not supported (maybe in the future)")
        if getattr(function, "_pytestfixturefunction", False):
            raise ValueError("fixture is being applied more than once to the same function")
        message = _CALLED_DIRECTLY.format(name=self.name or function.__name__)

        @functools.wraps(function)
        def guard(*args, **kwargs):
            fail(message, pytrace=False)

        guard.__pytest_wrapped__ = _PytestWrapper(function)  # type: ignore[attr-defined]
        name = self.name or function.__name__
        if name == "request":
            code = function.__code__
            fail(
                "'request' is a reserved word for fixtures, use another name:\n"
                f"  {code.co_filename}:{code.co_firstlineno + 1}",
                pytrace=False,
            )
        guard._pytestfixturefunction = self  # type: ignore[attr-defined]
        return guard


def fixture(fixture_function=None, *, scope="function", params=None, autouse=False, ids=None, name=None):
    """Decorator for fixture factories, bare or with options."""
    marker = FixtureFunctionMarker(scope=scope, params=params, autouse=autouse, ids=ids, name=name)
    if fixture_function:
        return marker(fixture_function)
    return marker


def yield_fixture(fixture_function=None, *args, scope="function", params=None, autouse=False, ids=None, name=None):
    """Deprecated alias of ``fixture``."""
    import warnings

    from .warning_types import PytestDeprecationWarning

    warnings.warn(
        PytestDeprecationWarning(
            "@pytest.yield_fixture is deprecated.\nUse @pytest.fixture instead; they are the same."
        ),
        stacklevel=2,
    )
    return fixture(fixture_function, scope=scope, params=params, autouse=autouse, ids=ids, name=name)
