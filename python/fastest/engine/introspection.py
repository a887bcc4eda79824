"""Facts about Python functions the engine needs, computed as pytest does:
the real function behind decorators, its source line, the names of the
arguments a test or fixture requests.

``inspect`` is imported only off the common path (it costs ~8 ms with what
it pulls in): plain functions and methods are read from their code objects,
which is what ``inspect.signature`` and ``inspect.isgeneratorfunction`` read
for them too."""
from __future__ import annotations

import functools
from types import CodeType, FunctionType, MethodType, ModuleType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Tuple

_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ASYNC_GENERATOR = 0x200


def get_real_func(obj: Any) -> Any:
    """Unwrap ``functools.wraps`` decorators and fixture guards."""
    start = obj
    for _ in range(100):
        wrapper = getattr(obj, "__pytest_wrapped__", None)
        if wrapper is not None:
            obj = wrapper.obj
            break
        wrapped = getattr(obj, "__wrapped__", None)
        if wrapped is None:
            break
        obj = wrapped
    else:
        raise ValueError(f"could not find real function of {start!r}\nstopped at {obj!r}")
    if isinstance(obj, functools.partial):
        obj = obj.func
    return obj


def module_has(module: Any, name: str) -> bool:
    """``hasattr(module, name)``; for a plain module without a module-level
    ``__getattr__``, a look in its namespace: a miss through ``hasattr``
    makes and drops two AttributeErrors (~0.8 us, on every item)."""
    if type(module) is ModuleType and "__getattr__" not in module.__dict__:
        return name in module.__dict__
    return hasattr(module, name)


def source_location(obj: Any) -> Tuple[str, int]:
    """(file, 0-based line) of ``obj``'s definition: its real function's
    code object's, else what ``inspect`` finds ("" and -1 when unknown)."""
    function = get_real_func(getattr(obj, "__func__", obj))
    code = getattr(function, "__code__", None)
    if code is not None:
        return code.co_filename, code.co_firstlineno - 1
    import inspect

    path = inspect.getsourcefile(obj) or ""
    try:
        return path, inspect.getsourcelines(obj)[1] - 1
    except (OSError, TypeError):
        return path, -1


def _mock_patch_count(function: Any) -> int:
    """Arguments injected by ``mock.patch`` decorators (they are not fixtures)."""
    patchings = getattr(function, "patchings", None)
    if not patchings:
        return 0
    import sys

    sentinels = [getattr(sys.modules.get(name), "DEFAULT", object()) for name in ("mock", "unittest.mock")]
    return len([p for p in patchings if not p.attribute_name and any(p.new is s for s in sentinels)])


def getfuncargnames(function: Any, name: Optional[str] = None, is_method: bool = False, cls: Optional[type] = None) -> Tuple[str, ...]:
    """The names of ``function``'s mandatory arguments: positional-or-keyword
    and keyword-only ones without defaults, minus ``self`` for methods."""
    names = _mandatory_from_code(function)
    if names is None:
        names = _mandatory_from_signature(function)
    if not name:
        name = function.__name__
    if is_method or (cls is not None and not isinstance(cls.__dict__.get(name, None), staticmethod)):
        names = names[1:]
    if hasattr(function, "__wrapped__"):
        names = names[_mock_patch_count(function):]
    return names


def _mandatory_from_code(function: Any) -> Optional[Tuple[str, ...]]:
    """What ``inspect.signature`` would give for a plain function or a
    method bound to one; None for anything else (wrapped, partial, builtin,
    a custom ``__signature__``), which takes the general path."""
    bound = type(function) is MethodType
    real = function.__func__ if bound else function
    if type(real) is not FunctionType or "__wrapped__" in real.__dict__ or "__signature__" in real.__dict__:
        return None
    code = real.__code__
    if not code.co_argcount and not code.co_kwonlyargcount:
        return ()  # most tests; co_varnames is a new tuple on every access
    positional = code.co_varnames[: code.co_argcount]
    first_with_default = len(positional) - len(real.__defaults__ or ())
    start = max(code.co_posonlyargcount, 1 if bound else 0)
    names = list(positional[start:first_with_default])
    keyword_defaults = real.__kwdefaults__ or {}
    keyword_only = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    names.extend(name for name in keyword_only if name not in keyword_defaults)
    return tuple(names)


def defaulted_argnames(function: Any) -> Tuple[str, ...]:
    """The names of ``function``'s arguments that have default values
    (pytest's ``getfuncargnames_with_defaults``), from the code object for
    a plain function, through ``inspect.signature`` otherwise."""
    real = function.__func__ if type(function) is MethodType else function
    if type(real) is FunctionType and "__wrapped__" not in real.__dict__ and "__signature__" not in real.__dict__:
        code = real.__code__
        positional = code.co_varnames[: code.co_argcount]
        with_default = positional[len(positional) - len(real.__defaults__ or ()) :]
        return tuple(with_default) + tuple(real.__kwdefaults__ or ())
    import inspect

    try:
        parameters = inspect.signature(function).parameters
    except (ValueError, TypeError):
        return ()
    return tuple(p.name for p in parameters.values() if p.default is not p.empty)


def _mandatory_from_signature(function: Any) -> Tuple[str, ...]:
    import inspect

    try:
        parameters = inspect.signature(function).parameters
    except (ValueError, TypeError) as exc:
        from fastest.pytest_api.outcomes import fail

        fail(f"Could not determine arguments of {function!r}: {exc}", pytrace=False)
    return tuple(
        p.name
        for p in parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.default is p.empty
    )


def _code_flags(function: Any) -> int:
    """``co_flags`` of the code behind ``function`` (methods and partials
    unwrapped, as ``inspect``'s is*function tests do); 0 when it has none."""
    while type(function) is MethodType:
        function = function.__func__
    while isinstance(function, functools.partial):
        function = function.func
    code = getattr(function, "__code__", None)
    return code.co_flags if isinstance(code, CodeType) else 0


def is_generator_function(function: Any) -> bool:
    if type(function) is FunctionType and not function.__dict__:
        flags = function.__code__.co_flags  # nothing wraps it: most tests
    else:
        flags = _code_flags(get_real_func(function))
    return bool(flags & _CO_GENERATOR) and not flags & _CO_COROUTINE


def is_async_function(function: Any) -> bool:
    flags = function.__code__.co_flags if type(function) is FunctionType else _code_flags(function)
    return bool(flags & (_CO_COROUTINE | _CO_ASYNC_GENERATOR))
