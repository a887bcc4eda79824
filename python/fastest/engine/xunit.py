"""xunit-style setup and teardown (``setup_module``, ``setup_function``,
``setup_class``, ``setup_method``, nose's ``setup``/``teardown``) as
autouse fixtures, exactly as pytest 7.2 injects them: stored on the module or
class under the attribute names pytest uses, so that fixture discovery
(``dir()`` order) and hence setup order are pytest's."""
from __future__ import annotations

import warnings
from types import MethodType

from fastest.pytest_api.fixture_decorator import fixture
from fastest.pytest_api.warning_types import PytestRemovedIn8Warning

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence

_NOSE_METHOD = (
    "Support for nose tests is deprecated and will be removed in a future release.\n"
    "{nodeid} is using nose-specific method: `{method}(self)`\n"
    "To remove this warning, rename it to `{method}_method(self)`\n"
    "See docs: https://docs.pytest.org/en/stable/deprecations.html#support-for-tests-written-for-nose"
)


def _warn_nose_method(nodeid: str, method: str) -> None:
    """pytest's warning for a nose ``setup``/``teardown`` method, located
    where the fixture's generator is resumed (stacklevel 2 of the fixture
    itself: see pytest_sites)."""
    warnings.warn(PytestRemovedIn8Warning(_NOSE_METHOD.format(nodeid=nodeid, method=method)), stacklevel=3)


def first_plain_function(holder: Any, names: Sequence[str]) -> Optional[Callable]:
    """The first of ``names`` on ``holder`` that is not a fixture."""
    for name in names:
        candidate = getattr(holder, name, None)
        if candidate is not None and getattr(candidate, "_pytestfixturefunction", None) is None:
            return candidate
    return None


def call_optional_argument(function: Callable, argument: Any) -> None:
    """Call ``function(argument)`` if it takes an argument, else ``function()``."""
    code = getattr(function, "__code__", None)
    count = code.co_argcount if code is not None else 0
    if isinstance(function, MethodType):
        count -= 1
    if count:
        function(argument)
    else:
        function()


def _nose_function(holder: Any, name: str) -> Optional[Callable]:
    candidate = first_plain_function(holder, (name,))
    return candidate if callable(candidate) else None


def inject_module_fixtures(module: Any) -> None:
    """setup_module/teardown_module (or nose's setup/teardown) and
    setup_function/teardown_function of a test module."""
    setup_module = first_plain_function(module, ("setUpModule", "setup_module")) or _nose_function(module, "setup")
    teardown_module = first_plain_function(module, ("tearDownModule", "teardown_module")) or _nose_function(module, "teardown")
    if setup_module is not None or teardown_module is not None:

        @fixture(autouse=True, scope="module", name=f"_xunit_setup_module_fixture_{module.__name__}")
        def xunit_setup_module_fixture(request):
            if setup_module is not None:
                call_optional_argument(setup_module, request.module)
            yield
            if teardown_module is not None:
                call_optional_argument(teardown_module, request.module)

        module._Module__pytest_setup_module = xunit_setup_module_fixture

    setup_function = first_plain_function(module, ("setup_function",))
    teardown_function = first_plain_function(module, ("teardown_function",))
    if setup_function is not None or teardown_function is not None:

        @fixture(autouse=True, scope="function", name=f"_xunit_setup_function_fixture_{module.__name__}")
        def xunit_setup_function_fixture(request):
            if request.instance is not None:
                # Methods use setup_method instead.
                yield
                return
            if setup_function is not None:
                call_optional_argument(setup_function, request.function)
            yield
            if teardown_function is not None:
                call_optional_argument(teardown_function, request.function)

        module._Module__pytest_setup_function = xunit_setup_function_fixture


def inject_class_fixtures(cls: type) -> None:
    """setup_class/teardown_class and setup_method/teardown_method (or
    nose's setup/teardown) of a test class."""
    setup_class = first_plain_function(cls, ("setup_class",))
    teardown_class = getattr(cls, "teardown_class", None)
    if setup_class is not None or teardown_class is not None:

        @fixture(autouse=True, scope="class", name=f"_xunit_setup_class_fixture_{cls.__qualname__}")
        def xunit_setup_class_fixture(_cls):
            if setup_class is not None:
                call_optional_argument(getattr(setup_class, "__func__", setup_class), cls)
            yield
            if teardown_class is not None:
                call_optional_argument(getattr(teardown_class, "__func__", teardown_class), cls)

        cls._Class__pytest_setup_class = xunit_setup_class_fixture

    setup_name, teardown_name = "setup_method", "teardown_method"
    setup_method = first_plain_function(cls, (setup_name,))
    nose_setup = setup_method is None
    if nose_setup:
        setup_name = "setup"
        setup_method = first_plain_function(cls, (setup_name,))
    teardown_method = getattr(cls, teardown_name, None)
    nose_teardown = teardown_method is None
    if nose_teardown:
        teardown_name = "teardown"
        teardown_method = getattr(cls, teardown_name, None)
    if setup_method is None and teardown_method is None:
        return

    @fixture(autouse=True, scope="function", name=f"_xunit_setup_method_fixture_{cls.__qualname__}")
    def xunit_setup_method_fixture(self, request):
        method = request.function
        if setup_method is not None:
            call_optional_argument(getattr(self, setup_name), method)
            if nose_setup:
                _warn_nose_method(request.node.nodeid, "setup")
        yield
        if teardown_method is not None:
            call_optional_argument(getattr(self, teardown_name), method)
            if nose_teardown:
                _warn_nose_method(request.node.nodeid, "teardown")

    cls._Class__pytest_setup_method = xunit_setup_method_fixture
