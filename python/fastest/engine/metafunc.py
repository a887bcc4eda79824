"""Parametrization: ``Metafunc`` (what ``pytest_generate_tests`` receives)
and the ``CallSpec`` of each generated item, as ``_pytest/python.py``."""
from __future__ import annotations

from collections import abc

from fastest.pytest_api.marks import NOTSET, MARK_GEN, Mark, ParameterSet, normalize_mark_list, parse_parametrize_argnames
from fastest.pytest_api.outcomes import fail

from . import scope as scopes
from .idmaker import IdMaker
from .introspection import defaulted_argnames

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Sequence


class CallSpec:
    """One planned invocation: values for direct arguments (``funcargs``) and
    for fixtures (``params``), their indices and scopes, its id parts and marks."""

    __slots__ = ("funcargs", "params", "indices", "_arg2scope", "_idlist", "marks")

    def __init__(self) -> None:
        self.funcargs: Dict[str, Any] = {}
        self.params: Dict[str, Any] = {}
        self.indices: Dict[str, int] = {}
        self._arg2scope: Dict[str, int] = {}
        self._idlist: List[str] = []
        self.marks: List[Mark] = []

    def setmulti(self, valtypes, argnames, valset, id: str, marks, scope: int, param_index: int) -> "CallSpec":
        new = CallSpec()
        new.funcargs = dict(self.funcargs)
        new.params = dict(self.params)
        new.indices = dict(self.indices)
        new._arg2scope = dict(self._arg2scope)
        for arg, value in zip(argnames, valset):
            if arg in new.params or arg in new.funcargs:
                raise ValueError(f"duplicate {arg!r}")
            (new.params if valtypes[arg] == "params" else new.funcargs)[arg] = value
            new.indices[arg] = param_index
            new._arg2scope[arg] = scope
        new._idlist = [*self._idlist, id]
        new.marks = [*self.marks, *normalize_mark_list(marks)]
        return new

    def getparam(self, name: str) -> Any:
        try:
            return self.params[name]
        except KeyError as exc:
            raise ValueError(name) from exc

    @property
    def id(self) -> str:
        return "-".join(self._idlist)


class Metafunc:
    """What a ``pytest_generate_tests`` hook sees of one test function."""

    def __init__(self, definition, fixtureinfo, config, cls=None, module=None) -> None:
        self.definition = definition
        self.config = config
        self.module = module
        self.function = definition.obj
        self.fixturenames = fixtureinfo.names_closure
        self.cls = cls
        self._arg2fixturedefs = fixtureinfo.name2fixturedefs
        self._calls: List[CallSpec] = []

    def parametrize(self, argnames, argvalues, indirect=False, ids=None, scope: Optional[str] = None, *, _param_mark: Optional[Mark] = None) -> None:
        """Add a parametrization (see pytest's docs); every existing call
        spec is combined with each new value set."""
        nodeid = self.definition.nodeid
        names, parametersets = self._parameter_sets(argnames, argvalues, nodeid)
        if "request" in names:
            fail("'request' is a reserved name and cannot be used in @pytest.mark.parametrize", pytrace=False)
        if scope is not None:
            scope_ = scopes.from_user(scope, f"parametrize() call in {self.function.__name__}")
        else:
            scope_ = self._find_parametrized_scope(names, indirect)
        self._validate_arg_names(names, indirect)
        valtypes = self._resolve_arg_value_types(names, indirect)
        generated_ids = None
        if _param_mark is not None and _param_mark._param_ids_from is not None:
            generated_ids = _param_mark._param_ids_from._param_ids_generated
            if generated_ids is not None:
                ids = generated_ids
        ids = self._resolve_ids(names, ids, parametersets, nodeid)
        if _param_mark is not None and _param_mark._param_ids_from is not None and generated_ids is None:
            _param_mark._param_ids_from._param_ids_generated = ids
        self._calls = [
            callspec.setmulti(valtypes, names, parameterset.values, param_id, parameterset.marks, scope_, index)
            for callspec in self._calls or [CallSpec()]
            for index, (param_id, parameterset) in enumerate(zip(ids, parametersets))
        ]

    def _parameter_sets(self, argnames, argvalues, nodeid: str):
        names, force_tuple = parse_parametrize_argnames(argnames)
        parametersets = [ParameterSet.extract_from(value, force_tuple) for value in argvalues]
        if not parametersets:
            return names, [ParameterSet((NOTSET,) * len(names), [self._empty_parameterset_mark(names)], None)]
        for parameterset in parametersets:
            if len(parameterset.values) != len(names):
                fail(
                    f'{nodeid}: in "parametrize" the number of names ({len(names)}):\n'
                    f"  {names}\n"
                    f"must be equal to the number of values ({len(parameterset.values)}):\n"
                    f"  {parameterset.values}",
                    pytrace=False,
                )
        return names, parametersets

    def _empty_parameterset_mark(self, names: List[str]):
        from .introspection import source_location

        function = self.function
        path, lineno = source_location(function)
        reason = "got empty parameter set %r, function %s at %s:%d" % (names, function.__name__, path, lineno)
        requested = self.config.getini("empty_parameter_set_mark")
        if requested in ("", None, "skip"):
            return MARK_GEN.skip(reason=reason)
        if requested == "xfail":
            return MARK_GEN.xfail(reason=reason, run=False)
        if requested == "fail_at_collect":
            from .collect_errors import CollectError

            raise CollectError("Empty parameter set in '%s' at line %d" % (function.__name__, lineno + 1))
        raise LookupError(requested)

    def _find_parametrized_scope(self, names: Sequence[str], indirect) -> int:
        if isinstance(indirect, abc.Sequence) and not isinstance(indirect, str):
            all_fixtures = len(indirect) == len(names)
        else:
            all_fixtures = bool(indirect)
        if all_fixtures:
            used = [defs[0].scope for name, defs in (self._arg2fixturedefs or {}).items() if name in names]
            return min(used, default=scopes.FUNCTION)
        return scopes.FUNCTION

    def _resolve_ids(self, names, ids, parametersets, nodeid: str) -> List[str]:
        if ids is None:
            idfn, explicit = None, None
        elif callable(ids):
            idfn, explicit = ids, None
        else:
            idfn, explicit = None, self._validate_ids(ids, parametersets)
        return IdMaker(names, parametersets, idfn, explicit, self.config, nodeid, self.function.__name__).make_unique_parameterset_ids()

    def _validate_ids(self, ids, parametersets) -> list:
        import itertools

        try:
            count = len(ids)
        except TypeError:
            try:
                iter(ids)
            except TypeError as exc:
                raise TypeError("ids must be a callable or an iterable") from exc
            count = len(parametersets)
        if count != len(parametersets) and count != 0:
            fail(
                f"In {self.function.__name__}: {len(parametersets)} parameter sets specified, with different number of ids: {count}",
                pytrace=False,
            )
        return list(itertools.islice(ids, count))

    def _resolve_arg_value_types(self, names, indirect) -> Dict[str, str]:
        if isinstance(indirect, bool):
            return dict.fromkeys(names, "params" if indirect else "funcargs")
        if isinstance(indirect, abc.Sequence):
            valtypes = dict.fromkeys(names, "funcargs")
            for arg in indirect:
                if arg not in names:
                    fail(f"In {self.function.__name__}: indirect fixture '{arg}' doesn't exist", pytrace=False)
                valtypes[arg] = "params"
            return valtypes
        fail(
            f"In {self.function.__name__}: expected Sequence or boolean for indirect, got {type(indirect).__name__}",
            pytrace=False,
        )

    def _validate_arg_names(self, names, indirect) -> None:
        default_arg_names = set(defaulted_argnames(self.function))
        func_name = self.function.__name__
        for arg in names:
            if arg not in self.fixturenames:
                if arg in default_arg_names:
                    fail(f"In {func_name}: function already takes an argument '{arg}' with a default value", pytrace=False)
                if isinstance(indirect, abc.Sequence) and not isinstance(indirect, str):
                    name = "fixture" if arg in indirect else "argument"
                else:
                    name = "fixture" if indirect else "argument"
                fail(f"In {func_name}: function uses no {name} '{arg}'", pytrace=False)

