"""The collection tree pytest code sees: session, package, module, class and
test function nodes with pytest's node API (``nodeid``, ``path``,
``keywords``, ``iter_markers``, ``add_marker``, ``addfinalizer`` ...).

Nodes are plain objects built by introspection (see collect_python.py);
they hold no collection logic themselves. A node keeps its path as text
(``path_str``, what the engine uses); ``path`` makes the ``pathlib.Path``
pytest's API promises on first access, so a run whose tests never ask for
one never imports pathlib."""
from __future__ import annotations

import os

from fastest.pytest_api.marks import Mark, MarkDecorator, get_unpacked_marks

from . import scope as scopes
from .introspection import source_location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Dict, Iterator, List, Optional, Tuple


class NodeKeywords:
    """A node's keywords: its own, then its parent's (pytest's NodeKeywords)."""

    __slots__ = ("node", "parent", "_own")

    def __init__(self, node: "Node") -> None:
        self.node = node
        self.parent = node.parent
        self._own: Dict[str, Any] = {node.name: True}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._own[key]
        except KeyError:
            if self.parent is None:
                raise
            return self.parent.keywords[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._own[key] = value

    def __delitem__(self, key: str) -> None:
        raise ValueError("cannot delete key in keywords dict")

    def __contains__(self, key: object) -> bool:
        return key in self._own or (self.parent is not None and key in self.parent.keywords)

    def update(self, other: Any = (), **kwds: Any) -> None:
        self._own.update(other)
        self._own.update(kwds)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> List[str]:
        """Own keys, then each ancestor's not seen nearer (pytest's order),
        in one pass over the chain."""
        keys: Dict[str, None] = dict.fromkeys(self._own)
        node = self.parent
        while node is not None:
            keys.update(node.keywords._own)
            node = node.parent
        return list(keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def __repr__(self) -> str:
        return f"<NodeKeywords for node {self.node}>"


class Node:
    """Base of all nodes. ``nodeid`` is pytest's: rootdir-relative path with
    "/" then "::"-separated names."""

    def __init__(self, name: str, parent: Optional["Node"], nodeid: str, path: str, obj: Any = None) -> None:
        self.name = name
        self.parent = parent
        self.nodeid = nodeid
        self.path_str = path
        self._path: Optional[Path] = None
        self.obj = obj
        # The chain from the session down, built once: a node's parent is
        # fixed at construction, and SetupState asks for an item's chain
        # twice per item (setup, and the teardown before the next item).
        self._chain: Tuple[Node, ...] = (self,)
        if parent is not None:
            self.session = parent.session
            self.config = parent.config
            self._chain = parent._chain + self._chain
        self.own_markers: List[Mark] = []
        self.keywords = NodeKeywords(self)
        self.extra_keyword_matches: set = set()
        self.stash: Dict[Any, Any] = {}

    @property
    def path(self) -> Path:
        """The node's file or directory (pytest 7's ``node.path``)."""
        if self._path is None:
            from pathlib import Path

            self._path = Path(self.path_str)
        return self._path

    @property
    def fspath(self) -> Any:
        """pytest's legacy py.path copy of ``path`` (the builtin fixtures' legacy_path)."""
        from fastest_builtin_fixtures.legacy_path import legacy_path

        return legacy_path(self.path_str)

    @property
    def ihook(self) -> "_NoHooks":
        return _NO_HOOKS

    def listchain(self) -> List["Node"]:
        """The nodes from the session down to this one (a new list)."""
        return list(self._chain)

    def listnames(self) -> List[str]:
        return [node.name for node in self.listchain()]

    def add_marker(self, marker, append: bool = True) -> None:
        """Attach a mark (a name, decorator or Mark) to this node."""
        if isinstance(marker, str):
            from fastest.pytest_api.marks import MARK_GEN

            marker_ = getattr(MARK_GEN, marker)
        elif isinstance(marker, MarkDecorator):
            marker_ = marker
        else:
            raise ValueError("is not a string or pytest.mark.* Marker")
        self.keywords[marker_.name] = marker_
        if append:
            self.own_markers.append(marker_.mark)
        else:
            self.own_markers.insert(0, marker_.mark)

    def iter_markers_with_node(self, name: Optional[str] = None) -> Iterator[Tuple["Node", Mark]]:
        """Marks of this node then of its parents (nearest first)."""
        node: Optional[Node] = self
        while node is not None:
            for mark in node.own_markers:
                if name is None or getattr(mark, "name", None) == name:
                    yield node, mark
            node = node.parent

    def iter_markers(self, name: Optional[str] = None) -> Iterator[Mark]:
        """Marks of this node then of its parents (nearest first). Every
        phase of every item asks for a few names, and most chains hold no
        marks at all: one flat loop, no generator per node."""
        found = []
        node: Optional[Node] = self
        while node is not None:
            for mark in node.own_markers:
                if name is None or getattr(mark, "name", None) == name:
                    found.append(mark)
            node = node.parent
        return iter(found)

    def get_closest_marker(self, name: str, default: Optional[Mark] = None) -> Optional[Mark]:
        return next(self.iter_markers(name), default)

    def keyword_names(self) -> List[str]:
        """The names ``-k`` matches this node against, gathered as pytest's
        KeywordMatcher gathers them: the names along its chain (not the
        session's: the rootdir's name would match), its extra keywords, its
        function's attributes and every mark's name. Not ``keywords``,
        which holds the session's name and what plugins set there."""
        names = dict.fromkeys(node.name for node in self.listchain() if node.parent is not None)
        names.update(dict.fromkeys(sorted(self.listextrakeywords())))
        function = getattr(self, "function", None)
        names.update(dict.fromkeys(getattr(function, "__dict__", ())))
        names.update(dict.fromkeys(mark.name for mark in self.iter_markers()))
        return list(names)

    def listextrakeywords(self) -> set:
        extra: set = set()
        for node in self.listchain():
            extra.update(node.extra_keyword_matches)
        return extra

    def getparent(self, cls: type) -> Optional["Node"]:
        node: Optional[Node] = self
        while node is not None and not isinstance(node, cls):
            node = node.parent
        return node

    def addfinalizer(self, finalizer) -> None:
        """Run ``finalizer`` when this node is torn down."""
        self.session._setupstate.addfinalizer(finalizer, self)

    def warn(self, warning: Warning) -> None:
        """Issue a warning attributed to this node's source location."""
        import warnings

        path, lineno = self._location_for_warning()
        warnings.warn_explicit(warning, category=None, filename=str(path), lineno=lineno + 1)

    def _location_for_warning(self) -> Tuple[Any, int]:
        """pytest's ``get_fslocation_from_item``: an item's ``location`` (a
        rootdir-relative path), else where the node's object is defined,
        else the node's path."""
        location = getattr(self, "location", None)
        if location is not None:
            return location[0], location[1] or 0
        if self.obj is not None:
            return source_location(self.obj)
        return self.path_str, -1

    def setup(self) -> None:
        """Called when the first item below this node is set up."""

    def teardown(self) -> None:
        """Called when the last item below this node is torn down."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


class _NoHooks:
    """``node.ihook``: native mode has no pluggy hooks; calls are no-ops."""

    def __getattr__(self, name: str):
        return lambda **kwargs: None


_NO_HOOKS = _NoHooks()


class Interrupted(KeyboardInterrupt):
    """Raised to stop the run (pytest's session.Interrupted, whose memo
    reads "Interrupted: <reason>")."""

    __module__ = "builtins"


class Failed(Exception):
    """Raised when the run stops on failures."""


class Session(Node):
    """The root node; ``request.session`` and ``item.session`` (pytest's
    name: code under test sees ``type(node).__name__``)."""

    def __init__(self, config) -> None:
        self.session = self
        self.config = config
        super().__init__(os.path.basename(config.rootpath_str), None, "", config.rootpath_str)
        self.testsfailed = 0
        self.testscollected = 0
        self.shouldstop: Any = False
        self.shouldfail: Any = False
        self.items: List["Item"] = []
        self._setupstate = None
        self._fixturemanager = None
        self._relative_locations: Dict[str, str] = {}
        # pytest's session.exitstatus, which is ExitCode.OK while tests run
        # (the C core works out the run's status): None means that.
        self._exitstatus: Any = None

    @property
    def exitstatus(self) -> Any:
        if self._exitstatus is None:
            from fastest.pytest_api.exit_codes import ExitCode

            return ExitCode.OK
        return self._exitstatus

    @exitstatus.setter
    def exitstatus(self, value: Any) -> None:
        self._exitstatus = value

    def __repr__(self) -> str:
        return (f"<{type(self).__name__} {self.name} exitstatus={self.exitstatus!r} "
                f"testsfailed={self.testsfailed} testscollected={self.testscollected}>")

    def relative_location(self, path: str) -> str:
        """``path`` relative to the rootdir with "/" (an item's
        ``location[0]``); computed once per file."""
        try:
            return self._relative_locations[path]
        except KeyError:
            relative = os.path.relpath(path, self.path_str).replace(os.sep, "/")
            self._relative_locations[path] = relative
            return relative

    @property
    def startpath(self) -> Path:
        """Where the run was started (pytest's ``session.startpath``)."""
        return self.config.invocation_params.dir

    @property
    def startdir(self) -> Any:
        """``startpath`` as pytest's legacy py.path (the builtin fixtures' legacy_path)."""
        return self.config.invocation_dir

    Interrupted = Interrupted
    Failed = Failed


class Package(Node):
    """A directory with ``__init__.py``, as pytest 7.2 has it: a child of the
    session (never of another package), its id and path those of the
    ``__init__.py``; its ``setup_module`` runs once, before the first of its
    tests (pytest's Package.setup)."""

    def setup(self) -> None:
        from .xunit import call_optional_argument, first_plain_function

        module = self.obj
        if module is None:
            # Imported as pytest does it: through the import mode, so the
            # package module its test modules already imported is reused.
            from .importing import import_path

            config = self.config
            module = self.obj = import_path(self.path_str, config.getoption("importmode") or "prepend", config.rootpath_str)
        setup = first_plain_function(module, ("setUpModule", "setup_module"))
        if setup is not None:
            call_optional_argument(setup, module)
        teardown = first_plain_function(module, ("tearDownModule", "teardown_module"))
        if teardown is not None:
            self.addfinalizer(lambda: call_optional_argument(teardown, module))


class Module(Node):
    """A test module; ``obj`` is the imported module."""


class Class(Node):
    """A test class; ``obj`` is the class."""

    def newinstance(self) -> Any:
        return self.obj()


class Item(Node):
    """A runnable test."""

    nofuncargs = False

    def __init__(self, name: str, parent: Node, nodeid: str, path: str, obj: Any = None) -> None:
        super().__init__(name, parent, nodeid, path, obj)
        self.user_properties: List[Tuple[str, object]] = []
        self._report_sections: List[Tuple[str, str, str]] = []
        self._location: Optional[Tuple[str, Optional[int], str]] = None

    def add_report_section(self, when: str, key: str, content: str) -> None:
        """Attach text to this item's report for phase ``when``
        ("Captured <key> <when>")."""
        if content:
            self._report_sections.append((when, key, content))

    def reportinfo(self) -> Tuple[Path, Optional[int], str]:
        path, lineno, domain = self.report_location()
        if path == self.path_str:
            return self.path, lineno, domain
        from pathlib import Path

        return Path(path), lineno, domain

    def report_location(self) -> Tuple[str, Optional[int], str]:
        """``reportinfo`` with the path as a string: the file, 0-based line
        and dotted domain reports name for the item."""
        return self.path_str, None, ""

    @property
    def location(self) -> Tuple[str, Optional[int], str]:
        """(rootdir-relative path, 0-based line, dotted domain); computed
        once, as pytest does, since every report of the item carries it."""
        if self._location is None:
            path, lineno, domain = self.report_location()
            self._location = (self.session.relative_location(path), lineno, domain)
        return self._location


class Function(Item):
    """A test function or method, possibly one parametrization of it."""

    def __init__(self, name: str, parent: Node, obj: Any, originalname: str, callspec=None, fixtureinfo=None) -> None:
        nodeid = f"{parent.nodeid}::{name}"
        super().__init__(name, parent, nodeid, parent.path_str, obj)
        self.originalname = originalname
        if callspec is not None:
            self.callspec = callspec
        self.set_fixtureinfo(fixtureinfo)
        self.funcargs: Dict[str, Any] = {}
        self._request = None
        function = getattr(obj, "__func__", obj)
        self.own_markers.extend(get_unpacked_marks(function))
        if callspec is not None:
            self.own_markers.extend(callspec.marks)
            self.keywords[callspec.id] = True
        own_keywords = self.keywords._own
        own_keywords.update(getattr(function, "__dict__", {}))
        for mark in self.own_markers:
            own_keywords[mark.name] = mark

    def set_fixtureinfo(self, fixtureinfo) -> None:
        """The fixtures this test needs (``fixturenames`` their closure);
        None until collection has computed them, which it may do on the
        item itself (it is also the definition ``pytest_generate_tests``
        sees, as pytest's FunctionDefinition is a Function)."""
        self._fixtureinfo = fixtureinfo
        self.fixturenames = fixtureinfo.names_closure if fixtureinfo is not None else []

    @property
    def function(self):
        """The underlying Python function (unbound)."""
        return getattr(self.obj, "__func__", self.obj)

    @property
    def instance(self):
        return getattr(self.obj, "__self__", None)

    @property
    def cls(self):
        node = self.getparent(Class)
        return node.obj if node is not None else None

    @property
    def module(self):
        node = self.getparent(Module)
        return node.obj if node is not None else None

    def report_location(self) -> Tuple[str, int, str]:
        """Where the test function is defined, as pytest's getfslineno
        finds it: a test a class inherits from another module's base is
        reported at the base's file and line."""
        path, lineno = source_location(self.obj)
        if path != self.path_str:
            path = os.path.abspath(path) if path else self.path_str
        return path, lineno, self.getmodpath()

    def getmodpath(self) -> str:
        """The dotted name below the module ("TestX.test_y[1]")."""
        names = []
        node: Optional[Node] = self
        while node is not None and not isinstance(node, Module):
            names.append(node.name)
            node = node.parent
        names.reverse()
        return ".".join(names)

    def setup(self) -> None:
        """Compute the fixtures this test requests (the runner created
        ``_request`` for this run)."""
        self._request._fillfixtures()


def scope_node(node, scope: int) -> Optional[Node]:
    """The node above ``node`` (or the session) whose teardown ends a
    value of ``scope`` (higher than function)."""
    if scope == scopes.CLASS:
        return node.getparent(Class)
    if scope == scopes.MODULE:
        return node.getparent(Module)
    if scope == scopes.PACKAGE:
        return node.getparent(Package)
    return node.session
