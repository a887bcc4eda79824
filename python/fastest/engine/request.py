"""``request``: what a test or fixture function knows of its context, and
the machinery that computes fixture values on demand (pytest's
FixtureRequest and SubRequest)."""
from __future__ import annotations

from fastest.pytest_api.marks import NOTSET
from fastest.pytest_api.outcomes import fail

from . import scope as scopes
from .fixture_errors import FixtureLookupError
from .nodes import Package, scope_node

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional


class _PseudoFixtureDef:
    """Stands in for a definition of ``request`` itself."""

    def __init__(self, cached_result, scope: int) -> None:
        self.cached_result = cached_result
        self.scope = scope


class FixtureRequest:
    """The request of a test function (function scope)."""

    def __init__(self, pyfuncitem, *, _ispytest: bool = False) -> None:
        self._pyfuncitem = pyfuncitem
        self.fixturename: Optional[str] = None
        self._scope = scopes.FUNCTION
        self._fixture_defs: Dict[str, Any] = {}
        self._arg2fixturedefs = dict(pyfuncitem._fixtureinfo.name2fixturedefs)
        self._arg2index: Dict[str, int] = {}
        self._fixturemanager = pyfuncitem.session._fixturemanager

    @property
    def scope(self) -> str:
        return scopes.NAMES[self._scope]

    @property
    def fixturenames(self) -> List[str]:
        names = list(self._pyfuncitem._fixtureinfo.names_closure)
        names.extend(set(self._fixture_defs).difference(names))
        return names

    @property
    def node(self):
        return self._getscopeitem(self._scope)

    @property
    def config(self):
        return self._pyfuncitem.config

    @property
    def session(self):
        return self._pyfuncitem.session

    @property
    def function(self):
        if self._scope != scopes.FUNCTION:
            raise AttributeError(f"function not available in {self.scope}-scoped context")
        return self._pyfuncitem.obj

    @property
    def cls(self):
        if self._scope not in (scopes.CLASS, scopes.FUNCTION):
            raise AttributeError(f"cls not available in {self.scope}-scoped context")
        return self._pyfuncitem.cls

    @property
    def instance(self):
        testcase = getattr(self._pyfuncitem, "_testcase", None)
        if testcase is not None:
            return testcase
        function = getattr(self, "function", None)
        return getattr(function, "__self__", None)

    @property
    def module(self):
        if self._scope not in (scopes.FUNCTION, scopes.CLASS, scopes.MODULE):
            raise AttributeError(f"module not available in {self.scope}-scoped context")
        return self._pyfuncitem.module

    @property
    def path(self):
        if self._scope == scopes.SESSION:
            raise AttributeError(f"path not available in {self.scope}-scoped context")
        return self._pyfuncitem.path

    @property
    def fspath(self):
        """pytest's legacy py.path copy of ``path`` (the builtin fixtures' legacy_path)."""
        from fastest_builtin_fixtures.legacy_path import legacy_path

        return legacy_path(self.path)

    @property
    def keywords(self):
        return self.node.keywords

    def addfinalizer(self, finalizer) -> None:
        """Run ``finalizer`` when the requesting context ends."""
        self._getscopeitem(self._scope).addfinalizer(finalizer)

    def applymarker(self, marker) -> None:
        self.node.add_marker(marker)

    def raiseerror(self, msg: Optional[str]):
        raise FixtureLookupError(None, self, msg)

    def _fillfixtures(self) -> None:
        item = self._pyfuncitem
        for argname in item.fixturenames:
            if argname not in item.funcargs:
                item.funcargs[argname] = self.getfixturevalue(argname)

    def getfixturevalue(self, argname: str) -> Any:
        """The value of fixture ``argname``, set up now if needed."""
        fixturedef = self._get_active_fixturedef(argname)
        assert fixturedef.cached_result is not None, (
            f'The fixture value for "{argname}" is not available.  '
            "This can happen when the fixture has already been torn down."
        )
        return fixturedef.cached_result[0]

    def _getnextfixturedef(self, argname: str):
        fixturedefs = self._arg2fixturedefs.get(argname)
        if fixturedefs is None:
            fixturedefs = self._fixturemanager.getfixturedefs(argname, self._pyfuncitem.parent.nodeid)
            self._arg2fixturedefs[argname] = fixturedefs
        index = self._arg2index.get(argname, 0) - 1
        if fixturedefs is None or -index > len(fixturedefs):
            raise FixtureLookupError(argname, self)
        self._arg2index[argname] = index
        return fixturedefs[index]

    def _get_active_fixturedef(self, argname: str):
        try:
            return self._fixture_defs[argname]
        except KeyError:
            try:
                fixturedef = self._getnextfixturedef(argname)
            except FixtureLookupError:
                if argname == "request":
                    return _PseudoFixtureDef((self, [0], None), scopes.FUNCTION)
                raise
        self._compute_fixture_value(fixturedef)
        self._fixture_defs[argname] = fixturedef
        return fixturedef

    def _get_fixturestack(self) -> list:
        stack = []
        current = self
        while isinstance(current, SubRequest):
            stack.append(current._fixturedef)
            current = current._parent_request
        stack.reverse()
        return stack

    def _compute_fixture_value(self, fixturedef) -> None:
        argname = fixturedef.argname
        item = self._pyfuncitem
        scope = fixturedef.scope
        callspec = getattr(item, "callspec", None)
        if callspec is not None and argname in callspec.params:
            param = callspec.params[argname]
            param_index = callspec.indices[argname]
            scope = callspec._arg2scope.get(argname, scope)
        else:
            param = NOTSET
            param_index = 0
            if fixturedef.params is not None:
                self._fail_unparametrized(fixturedef)
        subrequest = SubRequest(self, scope, param, param_index, fixturedef)
        subrequest._check_scope(argname, self._scope, scope)
        try:
            fixturedef.execute(subrequest)
        finally:
            subrequest.node.addfinalizer(lambda: fixturedef.finish(subrequest))

    def _fail_unparametrized(self, fixturedef) -> None:
        item = self._pyfuncitem
        if getattr(item, "nofuncargs", False):
            fail(
                f"{item.name} does not support fixtures, maybe unittest.TestCase subclass?\n"
                f"Node id: {item.nodeid}\nFunction type: {type(item).__name__}",
                pytrace=False,
            )
        fail(
            "The requested fixture has no parameter defined for test:\n"
            f"    {item.nodeid}\n\nRequested fixture '{fixturedef.argname}'",
            pytrace=False,
        )

    def _check_scope(self, argname: str, invoking_scope: int, requested_scope: int) -> None:
        if argname == "request":
            return
        if invoking_scope > requested_scope:
            fail(
                f"ScopeMismatch: You tried to access the {scopes.NAMES[requested_scope]} scoped fixture "
                f"{argname} with a {scopes.NAMES[invoking_scope]} scoped request object, involved factories:\n"
                + "\n".join(self._factory_lines()),
                pytrace=False,
            )

    def _factory_lines(self) -> List[str]:
        import inspect
        import os

        from .introspection import source_location

        lines = []
        for fixturedef in self._get_fixturestack():
            factory = fixturedef.func
            path, lineno = source_location(factory)
            path = os.path.relpath(path, self.session.path)
            lines.append(f"{path}:{lineno + 1}:  def {factory.__name__}{inspect.signature(factory)}")
        return lines

    def _getscopeitem(self, scope: int):
        """The node whose teardown ends a value of ``scope``."""
        item = self._pyfuncitem
        if scope == scopes.FUNCTION:
            return item
        if scope == scopes.PACKAGE:
            return self._package_scope_node()
        node = scope_node(item, scope)
        if node is None and scope == scopes.CLASS:
            return item
        return node

    def _package_scope_node(self):
        """pytest 7.2's get_scope_package: the package node among the item's
        parents whose id is "<the fixture's baseid>/__init__.py" (a fixture
        of a package's conftest, used by that package's own tests), else the
        session (a subpackage's tests, a fixture defined elsewhere)."""
        fixturedef = getattr(self, "_fixturedef", None)
        wanted = f"{fixturedef.baseid}/__init__.py" if fixturedef is not None else None
        node = self._pyfuncitem
        while node is not None and not (type(node) is Package and node.nodeid == wanted):
            node = node.parent
        return node if node is not None else self._pyfuncitem.session

    def __repr__(self) -> str:
        return f"<FixtureRequest for {self._pyfuncitem!r}>"


class SubRequest(FixtureRequest):
    """The request a fixture function receives."""

    def __init__(self, request: FixtureRequest, scope: int, param: Any, param_index: int, fixturedef) -> None:
        self._parent_request = request
        self.fixturename = fixturedef.argname
        if param is not NOTSET:
            self.param = param
        self.param_index = param_index
        self._scope = scope
        self._fixturedef = fixturedef
        self._pyfuncitem = request._pyfuncitem
        self._fixture_defs = request._fixture_defs
        self._arg2fixturedefs = request._arg2fixturedefs
        self._arg2index = request._arg2index
        self._fixturemanager = request._fixturemanager

    def addfinalizer(self, finalizer) -> None:
        """Run ``finalizer`` when this fixture's value is torn down."""
        self._fixturedef.addfinalizer(finalizer)

    def __repr__(self) -> str:
        return f"<SubRequest {self.fixturename!r} for {self._pyfuncitem!r}>"
