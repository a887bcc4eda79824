"""The light ``pytest`` module test code imports in native mode.

The engine installs this package as ``sys.modules["pytest"]`` before it
imports test modules and conftest files, so ``import pytest`` costs
milliseconds instead of real pytest's ~150 ms. It offers the public API
that test code and fixtures use; node, request and config classes come from
the engine, on first access.
"""
from .fixture_decorator import fixture, yield_fixture
from .marks import MARK_GEN as mark
from .marks import Mark, MarkDecorator, MarkGenerator, param
from .outcomes import exit, fail, importorskip, skip, xfail
from .warning_types import (
    PytestAssertRewriteWarning,
    PytestCacheWarning,
    PytestCollectionWarning,
    PytestConfigWarning,
    PytestDeprecationWarning,
    PytestExperimentalApiWarning,
    PytestRemovedIn8Warning,
    PytestReturnNotNoneWarning,
    PytestUnhandledCoroutineWarning,
    PytestUnhandledThreadExceptionWarning,
    PytestUnknownMarkWarning,
    PytestUnraisableExceptionWarning,
    PytestWarning,
)


class UsageError(Exception):
    """Error in pytest usage or invocation."""

    # pytest's own module for it: tracebacks name it so, and the core
    # tells a usage error (exit 4) from a failure (exit 3) by it.
    __module__ = "_pytest.config.exceptions"


def register_assert_rewrite(*names: str) -> None:
    """Have the named modules' asserts rewritten when they are imported."""
    from fastest.assertion.selection import register

    register(*names)


# Resolved on first use: the engine-side classes would pull the whole engine
# into every `import pytest`, finding the installed version reads files,
# approx needs math and numbers, main runs the installed pytest, and many
# runs never check for an exception or a warning (each of those modules
# costs a run that never uses it ~0.2-0.3 ms). No module here is named like
# a name it serves: importing a submodule binds its name on this package,
# where it would shadow the function (pytest.raises would be a module).
_LAZY = {
    "raises": ("fastest.pytest_api.expected_exceptions", "raises"),
    "ExceptionInfo": ("fastest.pytest_api.expected_exceptions", "ExceptionInfo"),
    "warns": ("fastest.pytest_api.recwarn", "warns"),
    "deprecated_call": ("fastest.pytest_api.recwarn", "deprecated_call"),
    "WarningsRecorder": ("fastest.pytest_api.recwarn", "WarningsRecorder"),
    "approx": ("fastest.pytest_api.approximation", "approx"),
    "main": ("fastest.pytest_api.real_pytest", "main"),
    "console_main": ("fastest.pytest_api.real_pytest", "console_main"),
    "__version__": ("fastest.pytest_api.version", "__version__"),
    "version_tuple": ("fastest.pytest_api.version", "version_tuple"),
    "MonkeyPatch": ("fastest_builtin_fixtures.monkeypatch", "MonkeyPatch"),
    "CaptureFixture": ("fastest.capture.fixtures", "CaptureFixture"),
    "LogCaptureFixture": ("fastest_builtin_fixtures.log_records", "LogCaptureFixture"),
    "TempPathFactory": ("fastest_builtin_fixtures.tmp", "TempPathFactory"),
    "TempdirFactory": ("fastest_builtin_fixtures.tmp", "TempdirFactory"),
    "Cache": ("fastest_builtin_fixtures.cache", "Cache"),
    "CallInfo": ("fastest.engine.reports", "CallInfo"),
    "TestReport": ("fastest.engine.reports", "TestReport"),
    "Stash": ("fastest.pytest_api.stash", "Stash"),
    "StashKey": ("fastest.pytest_api.stash", "StashKey"),
    "ExitCode": ("fastest.pytest_api.exit_codes", "ExitCode"),
    "PytestPluginManager": ("fastest.engine.config", "PytestPluginManager"),
    "FixtureRequest": ("fastest.engine.request", "FixtureRequest"),
    "FixtureLookupError": ("fastest.engine.fixture_errors", "FixtureLookupError"),
    "Config": ("fastest.engine.config", "Config"),
    "Metafunc": ("fastest.engine.metafunc", "Metafunc"),
    "Parser": ("fastest.engine.option_parser", "Parser"),
    "OptionGroup": ("fastest.engine.option_parser", "OptionGroup"),
    "hookimpl": ("fastest.engine.hooks", "hookimpl"),
    "Session": ("fastest.engine.nodes", "Session"),
    "Item": ("fastest.engine.nodes", "Item"),
    "Function": ("fastest.engine.nodes", "Function"),
    "Class": ("fastest.engine.nodes", "Class"),
    "Module": ("fastest.engine.nodes", "Module"),
    "Package": ("fastest.engine.nodes", "Package"),
    "Collector": ("fastest.engine.nodes", "Node"),
    "File": ("fastest.engine.nodes", "Module"),
}


# What `from pytest import *` binds: the names of pytest 7.2's __all__ this
# module serves, in its order (the lazy ones resolve through __getattr__).
__all__ = [
    "__version__", "approx", "Cache", "CallInfo", "CaptureFixture", "Class", "Collector", "Config",
    "console_main", "deprecated_call", "exit", "ExceptionInfo", "ExitCode", "fail", "File",
    "fixture", "FixtureLookupError", "FixtureRequest", "Function", "hookimpl", "importorskip",
    "Item", "LogCaptureFixture", "main", "mark", "Mark", "MarkDecorator", "MarkGenerator",
    "Metafunc", "Module", "MonkeyPatch", "OptionGroup", "Package", "param", "Parser",
    "PytestAssertRewriteWarning", "PytestCacheWarning", "PytestCollectionWarning",
    "PytestConfigWarning", "PytestDeprecationWarning", "PytestExperimentalApiWarning",
    "PytestRemovedIn8Warning", "PytestReturnNotNoneWarning", "PytestPluginManager",
    "PytestUnhandledCoroutineWarning", "PytestUnhandledThreadExceptionWarning",
    "PytestUnknownMarkWarning", "PytestUnraisableExceptionWarning", "PytestWarning", "raises",
    "register_assert_rewrite", "Session", "skip", "Stash", "StashKey", "version_tuple",
    "TempdirFactory", "TempPathFactory", "TestReport", "UsageError", "WarningsRecorder", "warns", "xfail",
    "yield_fixture",
]


def __getattr__(name: str):
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'pytest' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value
