"""Facts about Python functions the engine needs, computed as pytest does:
the real function behind decorators, its source line, the names of the
arguments a test or fixture requests."""
from __future__ import annotations

import inspect
from typing import Any, Optional, Tuple


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
    if isinstance(obj, __import__("functools").partial):
        obj = obj.func
    return obj


def source_line_of(obj: Any) -> int:
    """0-based line of ``obj``'s definition (-1 when unknown)."""
    function = get_real_func(getattr(obj, "__func__", obj))
    code = getattr(function, "__code__", None)
    if code is not None:
        return code.co_firstlineno - 1
    try:
        return inspect.getsourcelines(obj)[1] - 1
    except (OSError, TypeError):
        return -1


def source_file_of(obj: Any) -> str:
    function = get_real_func(getattr(obj, "__func__", obj))
    code = getattr(function, "__code__", None)
    if code is not None:
        return code.co_filename
    return inspect.getsourcefile(obj) or ""


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
    try:
        parameters = inspect.signature(function).parameters
    except (ValueError, TypeError) as exc:
        from fastest.pytest_api.outcomes import fail

        fail(f"Could not determine arguments of {function!r}: {exc}", pytrace=False)
    names = tuple(
        p.name
        for p in parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.default is p.empty
    )
    if not name:
        name = function.__name__
    if is_method or (cls is not None and not isinstance(cls.__dict__.get(name, None), staticmethod)):
        names = names[1:]
    if hasattr(function, "__wrapped__"):
        names = names[_mock_patch_count(function):]
    return names


def is_generator_function(function: Any) -> bool:
    real = get_real_func(function)
    return inspect.isgeneratorfunction(real) and not inspect.iscoroutinefunction(real)


def is_async_function(function: Any) -> bool:
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)
