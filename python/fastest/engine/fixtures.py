"""Fixture definitions and their registry (pytest's FixtureDef and
FixtureManager): which fixtures a node can see, the closure of names an item
needs, and the cached, finalizable value of each definition.

Visibility follows pytest: a definition belongs to a ``baseid`` (the
conftest's directory, the module's or the class's node id, "" for
session-level ones); it applies to nodes whose id is below it. Among
several visible definitions of one name the last (closest) wins and may
request the one before it."""
from __future__ import annotations

import sys

from fastest.pytest_api.fixture_decorator import FixtureFunctionMarker
from fastest.pytest_api.outcomes import TEST_OUTCOME, Skipped, fail

from . import scope as scopes
from .introspection import get_real_func, getfuncargnames, is_generator_function
from .nodes import scope_node

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Collection, Dict, Iterator, List, Optional, Sequence, Tuple


def iter_parent_ids(nodeid: str) -> Iterator[str]:
    """"", "a", "a/b", "a/b/t.py", "a/b/t.py::C", ... : each node id above
    and including ``nodeid`` (pytest's iterparentnodeids)."""
    yield ""
    if not nodeid:
        return
    path_part, sep, rest = nodeid.partition("::")
    parts = path_part.split("/")
    for index in range(1, len(parts) + 1):
        yield "/".join(parts[:index])
    if sep:
        names = rest.split("::")
        for index in range(1, len(names) + 1):
            yield path_part + "::" + "::".join(names[:index])


class FixtureDef:
    """One fixture definition and its current cached value."""

    def __init__(self, argname: str, func: Callable, baseid: str, scope, params, ids=None, unittest: bool = False, config=None) -> None:
        self.argname = argname
        self.func = func
        self.baseid = baseid
        if callable(scope):
            scope = _dynamic_scope(scope, argname, config)
        self.scope = scope if isinstance(scope, int) else scopes.from_user(scope, f"Fixture '{func.__name__}'", "")
        self.params: Optional[Sequence[Any]] = params
        self.ids = ids
        self.unittest = unittest
        self.argnames = getfuncargnames(func, name=argname, is_method=unittest)
        self.cached_result: Optional[Tuple[Any, Any, Any]] = None
        self._finalizers: List[Callable[[], object]] = []

    @property
    def scope_name(self) -> str:
        return scopes.NAMES[self.scope]

    def addfinalizer(self, finalizer: Callable[[], object]) -> None:
        self._finalizers.append(finalizer)

    def finish(self, request) -> None:
        """Run this value's finalizers (last registered first), drop it."""
        first_error: Optional[BaseException] = None
        try:
            while self._finalizers:
                try:
                    self._finalizers.pop()()
                except BaseException as exc:
                    if first_error is None:
                        first_error = exc
            if first_error is not None:
                raise first_error
        finally:
            self.cached_result = None
            self._finalizers = []

    def cache_key(self, request) -> Any:
        return request.param_index if not hasattr(request, "param") else request.param

    def execute(self, request) -> Any:
        """The value for ``request``: cached when computed for the same
        param, else (re)computed after tearing the old one down."""
        for argname in self.argnames:
            fixturedef = request._get_active_fixturedef(argname)
            if argname != "request":
                fixturedef.addfinalizer(lambda: self.finish(request))
        key = self.cache_key(request)
        if self.cached_result is not None:
            # Identity, as pytest: equal but distinct params are new values.
            if key is self.cached_result[1]:
                error = self.cached_result[2]
                if error is not None:
                    raise error[1].with_traceback(error[2])
                return self.cached_result[0]
            self.finish(request)
        return self._setup(request, key)

    def _setup(self, request, key) -> Any:
        kwargs = {}
        for argname in self.argnames:
            fixturedef = request._get_active_fixturedef(argname)
            request._check_scope(argname, request._scope, fixturedef.scope)
            kwargs[argname] = fixturedef.cached_result[0]
        function = self._bound_function(request)
        try:
            result = self._call(function, request, kwargs)
        except TEST_OUTCOME:
            exc_info = sys.exc_info()
            if isinstance(exc_info[1], Skipped) and not function.__name__.startswith("xunit_setup"):
                exc_info[1]._use_item_location = True
            self.cached_result = (None, key, exc_info)
            raise
        self.cached_result = (result, key, None)
        return result

    def _bound_function(self, request) -> Callable:
        """Methods of test classes run bound to the test's own instance."""
        instance = request.instance
        if self.unittest:
            return self.func.__get__(instance) if instance is not None else self.func
        if instance is not None:
            function = getattr(self.func, "__func__", self.func)
            if function is not self.func:
                return function.__get__(instance)
        return self.func

    def _call(self, function: Callable, request, kwargs: Dict[str, Any]) -> Any:
        if not is_generator_function(function):
            return function(**kwargs)  # pytest's site: fixtures.py: fixture_result = fixturefunc(**kwargs)
        generator = function(**kwargs)
        try:
            value = next(generator)  # pytest's site: fixtures.py: fixture_result = next(generator)
        except StopIteration:
            raise ValueError(f"{request.fixturename} did not yield a value") from None
        request.addfinalizer(lambda: _finish_generator(function, generator))
        return value

    def __repr__(self) -> str:
        return f"<FixtureDef argname={self.argname!r} scope={self.scope_name!r} baseid={self.baseid!r}>"


def _finish_generator(function: Callable, generator) -> None:
    try:
        next(generator)  # pytest's site: fixtures.py: next(it)
    except StopIteration:
        return
    from .introspection import source_location

    path, lineno = source_location(function)
    fail(
        f"fixture function has more than one 'yield':\n\n{_indented_source(function)}\n{path}:{lineno + 1}",
        pytrace=False,
    )


def _indented_source(function: Callable) -> str:
    import inspect

    try:
        return "".join("    " + line for line in inspect.getsourcelines(get_real_func(function))[0]).rstrip()
    except (OSError, TypeError):
        return ""


def _dynamic_scope(scope_callable: Callable, argname: str, config) -> int:
    result = scope_callable(fixture_name=argname, config=config)
    if not isinstance(result, str):
        fail(
            f"Expected {scope_callable} to return a 'str' while defining fixture '{argname}', but it returned:\n{result!r}",
            pytrace=False,
        )
    return scopes.from_user(result, f"Fixture '{argname}'", "")


def _direct_param_value(request) -> Any:
    return request.param


class FuncFixtureInfo:
    """The fixtures of one test function: requested names, the full closure
    in setup order, and the visible definitions of each."""

    __slots__ = ("argnames", "initialnames", "names_closure", "name2fixturedefs")

    def __init__(self, argnames, initialnames, names_closure, name2fixturedefs) -> None:
        self.argnames = argnames
        self.initialnames = initialnames
        self.names_closure = names_closure
        self.name2fixturedefs = name2fixturedefs

    def prune_dependency_tree(self) -> None:
        """Drop closure names only needed by fixtures that direct
        parametrization replaced."""
        closure = set()
        working = set(self.initialnames)
        while working:
            name = working.pop()
            if name not in closure and name in self.names_closure:
                closure.add(name)
                if name in self.name2fixturedefs:
                    working.update(self.name2fixturedefs[name][-1].argnames)
        self.names_closure[:] = sorted(closure, key=self.names_closure.index)


class FixtureManager:
    """All fixture definitions of the session, by name."""

    def __init__(self, config) -> None:
        self.config = config
        self._arg2fixturedefs: Dict[str, List[FixtureDef]] = {}
        # id -> holder: keeping the holder alive keeps its id unique.
        self._holders_seen: Dict[int, Any] = {}
        self._nodeid_autousenames: Dict[str, List[str]] = {"": list(config.getini("usefixtures"))}
        # Node ids that own definitions or autouse names, and the closures
        # computed so far (see getfixtureinfo); registering drops them.
        self._baseids: set = {""}
        self._closures: Dict[tuple, tuple] = {}

    def parsefactories(self, holder: Any, nodeid: str, unittest: bool = False, skip: Collection[str] = ()) -> None:
        """Register the fixtures found on ``holder`` (a module, class
        instance or conftest) for node ``nodeid``, in ``dir()`` order as
        pytest does (it decides autouse order); none named in ``skip``."""
        if id(holder) in self._holders_seen:
            return
        self._holders_seen[id(holder)] = holder
        autousenames = []
        for name in dir(holder):
            try:
                obj = getattr(holder, name)
            except Exception:
                continue
            marker = _fixture_marker(obj)
            if marker is None:
                continue
            if marker.name:
                name = marker.name
            if name in skip:
                continue
            function = _real_method(obj, holder)
            fixturedef = FixtureDef(name, function, nodeid, marker.scope, marker.params, marker.ids, unittest, self.config)
            self._arg2fixturedefs.setdefault(name, []).append(fixturedef)
            self._baseids.add(nodeid)
            self._closures.clear()
            if marker.autouse:
                autousenames.append(name)
        if autousenames:
            self._baseids.add(nodeid or "")
            self._nodeid_autousenames.setdefault(nodeid or "", []).extend(autousenames)

    def getfixturedefs(self, argname: str, nodeid: str) -> Optional[Tuple[FixtureDef, ...]]:
        """The definitions of ``argname`` visible from ``nodeid``, farthest first."""
        return self._visible_defs(argname, set(iter_parent_ids(nodeid)))

    def _visible_defs(self, argname: str, parents: set) -> Optional[Tuple[FixtureDef, ...]]:
        """The definitions of ``argname`` whose baseid is in ``parents``."""
        fixturedefs = self._arg2fixturedefs.get(argname)
        if fixturedefs is None:
            return None
        return tuple(fixturedef for fixturedef in fixturedefs if fixturedef.baseid in parents)

    def visible_names(self, nodeid: str) -> List[str]:
        parents = set(iter_parent_ids(nodeid))
        return sorted(
            name for name, defs in self._arg2fixturedefs.items() if any(d.baseid in parents for d in defs)
        )

    def getfixtureinfo(self, node, function: Callable, cls: Optional[type], funcargs: bool = True) -> FuncFixtureInfo:
        """The fixtures a test function at ``node`` needs (pytest's
        getfixtureinfo + getfixtureclosure).

        The closure depends on the names asked for and on which node ids
        own definitions above the node; a test's own id owns none (unless
        something registered fixtures for it), so its closure is its
        container's (module or class) and is computed once per container
        and set of names. Each item gets its own copy: parametrization
        prunes the closure and adds definitions."""
        if funcargs and not getattr(node, "nofuncargs", False):
            argnames = tuple(getfuncargnames(function, name=node.name, cls=cls))
        else:
            argnames = ()
        marks = list(node.iter_markers())  # one walk of the chain, nearest first
        if marks:
            requested = tuple(arg for mark in marks if mark.name == "usefixtures" for arg in mark.args) + argnames
            ignore = tuple(_direct_parametrize_args(marks))
        else:
            requested, ignore = argnames, ()
        nodeid = node.nodeid
        container, separator, _ = nodeid.rpartition("::")
        if not separator or nodeid in self._baseids:
            initialnames, closure, name2fixturedefs = self._closure(nodeid, requested, ignore)
        else:
            key = (container, requested, ignore)
            cached = self._closures.get(key)
            if cached is None:
                cached = self._closures[key] = self._closure(container, requested, ignore)
            initialnames, closure, name2fixturedefs = cached
        return FuncFixtureInfo(argnames, initialnames, list(closure), dict(name2fixturedefs))

    def _closure(self, parentid: str, requested: Tuple[str, ...], ignore: Tuple[str, ...]) -> tuple:
        """(initial names, closure in setup order, visible definitions by
        name) seen from ``parentid``: its autouse names, then ``requested``,
        then what their definitions need, transitively."""
        parent_ids = list(iter_parent_ids(parentid))
        parents = set(parent_ids)
        autousenames = self._nodeid_autousenames
        closure = list(dict.fromkeys(name for parent_id in parent_ids for name in autousenames.get(parent_id, ())))
        for name in requested:
            if name not in closure:
                closure.append(name)
        initialnames = tuple(closure)
        ignored = set(ignore)
        name2fixturedefs: Dict[str, Sequence[FixtureDef]] = {}
        last_length = -1
        while last_length != len(closure):
            last_length = len(closure)
            for name in closure:
                if name in ignored or name in name2fixturedefs:
                    continue
                fixturedefs = self._visible_defs(name, parents)
                if fixturedefs:
                    name2fixturedefs[name] = fixturedefs
                    for dependency in fixturedefs[-1].argnames:
                        if dependency not in closure:
                            closure.append(dependency)

        def scope_of(name: str) -> int:
            defs = name2fixturedefs.get(name)
            return defs[-1].scope if defs else scopes.FUNCTION

        closure.sort(key=scope_of, reverse=True)
        return initialnames, closure, name2fixturedefs

    def generate_fixture_params(self, metafunc) -> None:
        """Parametrize by the ``params`` of the fixtures the test uses (pytest's
        FixtureManager.pytest_generate_tests)."""
        marked = {
            name
            for mark in metafunc.definition.iter_markers("parametrize")
            for name in _parametrize_argnames(mark)
        }
        for argname in metafunc.fixturenames:
            fixturedefs = metafunc._arg2fixturedefs.get(argname)
            if not fixturedefs or argname in marked:
                continue
            for fixturedef in reversed(fixturedefs):
                if fixturedef.params is not None:
                    metafunc.parametrize(argname, fixturedef.params, indirect=True, scope=fixturedef.scope_name, ids=fixturedef.ids)
                    break
                if argname not in fixturedef.argnames:
                    break

    def add_direct_param_fixturedefs(self, collector, metafunc) -> None:
        """Serve directly parametrized arguments through pseudo fixture
        definitions, so they get scopes and caching like fixtures (pytest's
        add_funcarg_pseudo_fixture_def)."""
        if not metafunc._calls[0].funcargs:
            return
        arg2params: Dict[str, list] = {}
        arg2scope: Dict[str, int] = {}
        for callspec in metafunc._calls:
            for argname, value in callspec.funcargs.items():
                callspec.params[argname] = value
                values = arg2params.setdefault(argname, [])
                callspec.indices[argname] = len(values)
                values.append(value)
                arg2scope.setdefault(argname, callspec._arg2scope.get(argname, scopes.FUNCTION))
            callspec.funcargs.clear()
        for argname, values in arg2params.items():
            if argname in metafunc._arg2fixturedefs:
                continue
            scope = arg2scope[argname]
            node = None if scope == scopes.FUNCTION else (scope_node(collector, scope) or collector)
            shared = node.stash.setdefault("pseudo_fixturedefs", {}) if node is not None else None
            if shared is not None and argname in shared:
                metafunc._arg2fixturedefs[argname] = [shared[argname]]
                continue
            fixturedef = FixtureDef(argname, _direct_param_value, "", scope, values)
            metafunc._arg2fixturedefs[argname] = [fixturedef]
            if shared is not None:
                shared[argname] = fixturedef


def _parametrize_argnames(mark) -> List[str]:
    from fastest.pytest_api.marks import parse_parametrize_argnames

    return parse_parametrize_argnames(*mark.args, **mark.kwargs)[0]


def _direct_parametrize_args(marks) -> List[str]:
    names: List[str] = []
    for mark in marks:
        if mark.name == "parametrize" and not mark.kwargs.get("indirect", False):
            names.extend(_parametrize_argnames(mark))
    return names


def _fixture_marker(obj: Any):
    try:
        marker = getattr(obj, "_pytestfixturefunction", None)
    except Exception:
        return None
    return marker if isinstance(marker, FixtureFunctionMarker) or type(marker).__name__ == "FixtureFunctionMarker" else None


def _real_method(obj: Any, holder: Any) -> Any:
    """The undecorated fixture function, bound to ``holder`` when it is a
    method (pytest's get_real_method)."""
    try:
        is_method = hasattr(obj, "__func__")
        obj = get_real_func(obj)
    except Exception:
        return obj
    if is_method and hasattr(obj, "__get__") and callable(obj.__get__):
        obj = obj.__get__(holder)
    return obj
