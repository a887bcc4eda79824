"""Building items from an imported test module by introspection, as
``_pytest/python.py`` does: test classes and functions by the
python_classes/python_functions patterns, ``__test__``, inheritance (base
class members first), parametrization through ``pytest_generate_tests``
hooks, fixture ``params`` and ``parametrize`` marks."""
from __future__ import annotations

import sys
from types import FunctionType

from fastest.globs import fnmatch
from fastest.pytest_api.marks import MARK_GEN, get_unpacked_marks
from fastest.pytest_api.warning_types import PytestCollectionWarning

from .introspection import get_real_func, is_generator_function, module_has, source_location
from .nodes import Class, Function, Module, Node
from .xunit import inject_class_fixtures, inject_module_fixtures

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional

    from .metafunc import Metafunc

_IGNORED_ATTRIBUTES = frozenset({"__builtins__", "__file__", "__cached__"})


def _matches(patterns: List[str], name: str) -> bool:
    for pattern in patterns:
        if name.startswith(pattern):
            return True
        if ("*" in pattern or "?" in pattern or "[" in pattern) and fnmatch(name, pattern):
            return True
    return False


class PythonCollector:
    """Turns modules and classes into items; one per session."""

    def __init__(self, session, generate_hooks: Callable[[str], List[Callable]]) -> None:
        self.session = session
        self.config = session.config
        self.fixturemanager = session._fixturemanager
        self.class_patterns = self.config.getini("python_classes")
        self.function_patterns = self.config.getini("python_functions")
        # conftest pytest_generate_tests hooks visible from a node id, nearest first
        self.generate_hooks = generate_hooks
        # Per module or class node: whether its class has the hook, its
        # module's hook, the conftests' (the same for all its functions).
        self._hooks_by_parent: Dict[Node, tuple] = {}

    def collect_module(self, module_node: Module) -> List[Function]:
        module = module_node.obj
        module_node.own_markers.extend(get_unpacked_marks(module))
        # Its marks are keywords of its items too ("slow" in item.keywords).
        module_node.keywords.update({mark.name: mark for mark in module_node.own_markers})
        inject_module_fixtures(module)
        self.fixturemanager.parsefactories(module, module_node.nodeid)
        return self._collect_members(module_node, [module.__dict__])

    def _collect_class(self, class_node: Class) -> List[Function]:
        cls = class_node.obj
        if not getattr(cls, "__test__", True):
            return []
        for constructor in ("__init__", "__new__"):
            if getattr(cls, constructor) != getattr(object, constructor):
                class_node.warn(
                    PytestCollectionWarning(
                        f"cannot collect test class {cls.__name__!r} because it has a "
                        f"{constructor} constructor (from: {class_node.parent.nodeid})"
                    )
                )
                return []
        inject_class_fixtures(cls)
        self.fixturemanager.parsefactories(class_node.newinstance(), class_node.nodeid)
        return self._collect_members(class_node, [cls.__dict__, *(base.__dict__ for base in cls.__mro__)])

    def _collect_members(self, parent: Node, dicts: List[dict]) -> List[Function]:
        seen: set = set()
        per_dict: List[List[Function]] = []
        unittest = sys.modules.get("unittest")
        for namespace in dicts:
            items: List[Function] = []
            for name, obj in list(namespace.items()):
                if name in _IGNORED_ATTRIBUTES or name in seen:
                    continue
                seen.add(name)
                items.extend(self._make_items(parent, name, obj, unittest))
            per_dict.append(items)
        # Members of base classes come first, as in pytest. A class's own
        # members are collected once its parent's are done, as pytest's
        # genitems descends into each collector only after collecting its
        # parent: what that says (a constructor's warning) comes after what
        # the parent's members said.
        collected: List[Function] = []
        for entry in (entry for entries in reversed(per_dict) for entry in entries):
            if type(entry) is _PendingClass:
                collected.extend(entry.collect())
            else:
                collected.append(entry)
        return collected

    def _make_items(self, parent: Node, name: str, obj: Any, unittest: Any) -> List[Function]:
        """The items of member ``name``; ``unittest`` is that module when
        something imported it (only then can a TestCase be here)."""
        if unittest is not None and isinstance(obj, type) and issubclass(obj, unittest.TestCase):
            from .unittest_items import collect_testcase

            return [_PendingClass(lambda: collect_testcase(self, parent, name, obj))]
        if isinstance(obj, type):
            if self._is_test_class(obj, name):
                node = Class(name, parent, f"{parent.nodeid}::{name}", parent.path_str, obj)
                node.own_markers.extend(get_unpacked_marks(obj))
                node.keywords.update({mark.name: mark for mark in node.own_markers})
                return [_PendingClass(lambda: self._collect_class(node))]
            return []
        if not self._is_test_function(obj, name):
            return []
        obj = getattr(obj, "__func__", obj)
        if not (isinstance(obj, FunctionType) or isinstance(get_real_func(obj), FunctionType)):
            import warnings

            path, lineno = source_location(obj)
            warnings.warn_explicit(
                PytestCollectionWarning(f"cannot collect {name!r} because it is not a function."),
                category=None,
                filename=path,
                lineno=lineno + 1,
            )
            return []
        if not getattr(obj, "__test__", True):
            return []
        if is_generator_function(obj):
            return [self._generator_item(parent, name)]
        return self._generate_functions(parent, name, obj)

    def _is_test_class(self, obj: type, name: str) -> bool:
        return _matches(self.class_patterns, name) or getattr(obj, "__test__", False) is True

    def _is_test_function(self, obj: Any, name: str) -> bool:
        if not (_matches(self.function_patterns, name) or getattr(obj, "__test__", False) is True):
            return False
        if isinstance(obj, staticmethod):
            # A classmethod object is not callable: never collected.
            obj = getattr(obj, "__func__", False)
        return callable(obj) and getattr(obj, "_pytestfixturefunction", None) is None

    def _bound(self, parent: Node, name: str) -> Any:
        """The test callable: a method of a fresh instance for classes."""
        holder = parent.newinstance() if isinstance(parent, Class) else parent.obj
        return getattr(holder, name)

    def _generator_item(self, parent: Node, name: str) -> Function:
        reason = f"yield tests were removed in pytest 4.0 - {name} will be ignored"
        obj = self._bound(parent, name)
        item = Function(name, parent, obj, name)
        item.set_fixtureinfo(self.fixturemanager.getfixtureinfo(item, getattr(obj, "__func__", obj), _class_of(parent)))
        item.add_marker(MARK_GEN.xfail(run=False, reason=reason))
        item.warn(PytestCollectionWarning(reason))
        return item

    def _generate_functions(self, parent: Node, name: str, function: Any) -> List[Function]:
        """The items of one test function. The unparametrized item is built
        first and serves as the definition the generate hooks see (its own
        marks are the function's, as the definition's are): most functions
        generate nothing, and it is then their one item. When no hook but
        the builtin ones applies and those have nothing to parametrize by
        (no parametrize mark, no fixture with params), no Metafunc is made."""
        cls = _class_of(parent)
        definition = Function(name, parent, self._bound(parent, name), name)
        fixtureinfo = self.fixturemanager.getfixtureinfo(definition, function, cls)
        definition.set_fixtureinfo(fixtureinfo)
        module = parent.getparent(Module).obj
        hooks = self._generate_hooks_for(parent, definition, module, cls)
        if not hooks and not _uses_fixture_params(fixtureinfo) and not _has_parametrize_mark(definition):
            return [definition]
        from .metafunc import Metafunc  # most functions get here never: imported on first use

        hooks.append(lambda metafunc: self.fixturemanager.generate_fixture_params(metafunc))
        hooks.append(_parametrize_from_marks)
        metafunc = Metafunc(definition, fixtureinfo, self.config, cls=cls, module=module)
        for hook in hooks:
            hook(metafunc=metafunc)
        if not metafunc._calls:
            return [definition]
        self.fixturemanager.add_direct_param_fixturedefs(parent, metafunc)
        fixtureinfo.prune_dependency_tree()
        # Each item of a class gets an instance of its own.
        return [
            Function(f"{name}[{callspec.id}]", parent, self._bound(parent, name), name, callspec=callspec, fixtureinfo=fixtureinfo)
            for callspec in metafunc._calls
        ]

    def _generate_hooks_for(self, parent: Node, definition: Node, module: Any, cls: Optional[type]) -> List[Callable]:
        """The test code's ``pytest_generate_tests`` implementations in
        pytest's call order: the class's (on an instance of its own for
        each function, as pytest makes one), the module's, the conftests'
        (nearest first). The builtin ones (fixture params, then parametrize
        marks) run after them."""
        found = self._hooks_by_parent.get(parent)
        if found is None:
            found = self._hooks_by_parent[parent] = (
                cls is not None and hasattr(cls, "pytest_generate_tests"),
                [module.pytest_generate_tests] if module_has(module, "pytest_generate_tests") else [],
                self.generate_hooks(definition.nodeid),
            )
        class_has_hook, module_hooks, conftest_hooks = found
        return [*([cls().pytest_generate_tests] if class_has_hook else []), *module_hooks, *conftest_hooks]


class _PendingClass:
    """A test class in its parent's members: ``collect()`` gives its items."""

    __slots__ = ("collect",)

    def __init__(self, collect: Callable[[], List[Function]]) -> None:
        self.collect = collect


def _uses_fixture_params(fixtureinfo) -> bool:
    """Whether a definition the test can see has ``params`` (only then can
    the builtin fixture-params hook parametrize it)."""
    definitions = fixtureinfo.name2fixturedefs
    return bool(definitions) and any(fixturedef.params is not None for defs in definitions.values() for fixturedef in defs)


def _has_parametrize_mark(definition: Node) -> bool:
    return next(definition.iter_markers("parametrize"), None) is not None


def _parametrize_from_marks(metafunc: "Metafunc") -> None:
    for mark in metafunc.definition.iter_markers("parametrize"):
        metafunc.parametrize(*mark.args, **mark.kwargs, _param_mark=mark)


def _class_of(parent: Node) -> Optional[type]:
    return parent.obj if isinstance(parent, Class) else None
