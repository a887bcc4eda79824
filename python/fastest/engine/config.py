"""The ``config`` object test code and fixtures see (``request.config``,
``pytestconfig``, ``item.config``): typed command-line options and ini
values from the dict the C core hands the engine, with pytest's API.

Paths are kept as text (``rootpath_str``, ``inipath_str``,
``invocation_params.dir_str``);
the ``pathlib.Path`` attributes of pytest's API are made on first access."""
from __future__ import annotations

import os

from fastest.pytest_api.marks import BUILTIN_MARKERS
from fastest.timeout_mark import MARKER_LINE as TIMEOUT_MARKER
from fastest.xdist_group import MARKER_LINE as XDIST_GROUP_MARKER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Dict, List, Optional, Tuple, Union

# How an option's stored strings become its Python value: the kinds the
# C core gives each option in the config dict's "option_table" (see
# option_kind in core/python/engine_config.c).
_FLAG, _COUNT, _INT, _FLOAT, _TEXT, _LIST = "flag", "count", "int", "float", "text", "list"
# Dests no row of the table names: the positional arguments', the second
# one -q counts in (pytest's MoreQuietAction) and the core's own.
_EXTRA_OPTION_KINDS = {
    "file_or_dir": _LIST, "quiet": _COUNT, "fastest_markup": _FLAG, "fastest_args": _LIST,
    "fastest_stop_reason": _TEXT, "fastest_stepwise_limit": _INT, "fastest_collection_maxfail": _INT,
}
# The value of a known option nothing stored, per kind (argparse's defaults
# for pytest's addoption calls), and where pytest declares another.
_KIND_DEFAULTS = {_FLAG: False, _COUNT: 0}
_OPTION_DEFAULTS = {"plugins": [], "file_or_dir": []}

# pytest 7.2.1's own ini keys, (type, default) as its plugins declare them
# with ``parser.addini``: getini gives the default for a key the ini file
# does not set (a None default reads as "" without a type, [] with one).
_PYTEST_INI: Dict[str, Tuple[Optional[str], Any]] = {
    "addopts": ("args", None),
    "cache_dir": (None, ".pytest_cache"),
    "console_output_style": (None, "progress"),
    "disable_test_id_escaping_and_forfeit_all_rights_to_community_support": ("bool", False),
    "doctest_encoding": (None, "utf-8"),
    "doctest_optionflags": ("args", ["ELLIPSIS"]),
    "empty_parameter_set_mark": (None, None),
    "enable_assertion_pass_hook": ("bool", False),
    "faulthandler_timeout": (None, 0.0),
    "filterwarnings": ("linelist", None),
    "junit_duration_report": (None, "total"),
    "junit_family": (None, "xunit2"),
    "junit_log_passing_tests": ("bool", True),
    "junit_logging": (None, "no"),
    "junit_suite_name": (None, "pytest"),
    "log_auto_indent": (None, None),
    "log_cli": ("bool", False),
    "log_cli_date_format": (None, None),
    "log_cli_format": (None, None),
    "log_cli_level": (None, None),
    "log_date_format": (None, "%H:%M:%S"),
    "log_file": (None, None),
    "log_file_date_format": (None, "%H:%M:%S"),
    "log_file_format": (None, "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"),
    "log_file_level": (None, None),
    "log_format": (None, "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"),
    "log_level": (None, None),
    "markers": ("linelist", None),
    "minversion": (None, None),
    "norecursedirs": ("args", ["*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}"]),
    "python_classes": ("args", ["Test"]),
    "python_files": ("args", ["test_*.py", "*_test.py"]),
    "python_functions": ("args", ["test"]),
    "pythonpath": ("paths", []),
    "required_plugins": ("args", []),
    "testpaths": ("args", []),
    "usefixtures": ("args", []),
    "xfail_strict": ("bool", False),
}

# The keys above that a builtin plugin declares, which `-p no:NAME` leaves
# undeclared (the others' plugins cannot be blocked, or a blocked one stops
# collection altogether).
_PLUGIN_INI_KEYS: Dict[str, Tuple[str, ...]] = {
    "cacheprovider": ("cache_dir",),
    "doctest": ("doctest_encoding", "doctest_optionflags"),
    "faulthandler": ("faulthandler_timeout",),
    "junitxml": ("junit_duration_report", "junit_family", "junit_log_passing_tests", "junit_logging", "junit_suite_name"),
    "logging": tuple(name for name in _PYTEST_INI if name.startswith("log_")),
}


_NOTSET = object()


def _typed_option(kind: Optional[str], values: List[str]) -> Any:
    if kind == _FLAG:
        return bool(values) and values[-1].lower() not in ("0", "false", "no")
    if kind == _COUNT:
        if len(values) == 1 and values[0].lstrip("-").isdigit():
            return int(values[0])
        return len(values)
    if kind == _INT:
        return int(values[-1]) if values else None
    if kind == _FLOAT:
        return float(values[-1]) if values else None
    if kind == _LIST:
        return list(values)
    if kind == _TEXT or len(values) == 1:
        return values[-1] if values else None
    return list(values)


def _typed_ini(kind: str, raw: Union[str, List[str]], rootdir: str) -> Any:
    if kind == "bool":
        text = raw if isinstance(raw, str) else " ".join(raw)
        return text.strip().lower() in ("1", "true", "yes", "on", "y", "t")
    if kind in ("args", "paths"):
        import shlex

        values = shlex.split(raw) if isinstance(raw, str) else list(raw)
        if kind == "args":
            return values
        from pathlib import Path

        return [Path(rootdir, value) for value in values]
    if kind == "linelist":
        lines = raw.split("\n") if isinstance(raw, str) else list(raw)
        return [line.strip() for line in lines if line.strip()]
    return raw if isinstance(raw, str) else "\n".join(raw)


# The marks of third-party plugins fastest reads (xdist_group for --dist
# loadgroup, timeout for its per-test limit), registered as the plugin's
# pytest_configure registers them: when pytest would load it. (plugin
# name, top-level module, markers line)
_PLUGIN_MARKERS = (("xdist", "xdist", XDIST_GROUP_MARKER), ("timeout", "pytest_timeout", TIMEOUT_MARKER))


class _OptionNamespace:
    """``config.option``: attribute access to the typed options; a known
    option nothing set has its default."""

    __slots__ = ("__dict__", "_kinds")  # vars() shows the options alone

    def __init__(self, values: Dict[str, Any], kinds: Dict[str, str]) -> None:
        self.__dict__.update(values)
        self._kinds = kinds

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name not in self._kinds:
            raise AttributeError(name)
        return _OPTION_DEFAULTS.get(name, _KIND_DEFAULTS.get(self._kinds[name]))


class PytestPluginManager:
    """Enough of pytest's plugin manager for fixtures that probe plugins:
    native mode runs no pytest plugins."""

    __module__ = "_pytest.config"

    def hasplugin(self, name: str) -> bool:
        return False

    def getplugin(self, name: str) -> None:
        return None

    def get_plugin(self, name: str) -> None:
        return None

    def register(self, plugin: object, name: Optional[str] = None) -> None:
        """Plugins cannot be registered in native mode; ignored."""


class Config:
    """pytest's Config API over the configuration the C core resolved."""

    # pytest's module: a failing test's traceback shows its fixture values.
    __module__ = "_pytest.config"

    def __init__(
        self, rootdir: str, inifile: Optional[str], ini: Dict[str, Any], options: Dict[str, List[str]], option_table: List[list]
    ) -> None:
        self.rootpath_str = rootdir
        self.inipath_str = os.path.join(rootdir, inifile) if inifile else None
        self._raw_ini = dict(ini)
        self._ini_cache: Dict[str, Any] = {}
        self._builtin_markers_added = False
        # The command line's raw strings, for the options conftests add
        # (option_parser.Parser.processoption types them).
        self._given_options = options
        # pytest's _opt2dest: every option name of every option, to its dest.
        self._option_dests: Dict[str, str] = {}
        kinds = dict(_EXTRA_OPTION_KINDS)
        for names, dest, kind in option_table:
            self._option_dests.update(dict.fromkeys(names, dest))
            # A switch that stores into a value option's dest (-x into
            # --maxfail's) is typed as that option.
            if kinds.get(dest, _FLAG) == _FLAG:
                kinds[dest] = kind
        self.option = _OptionNamespace({dest: _typed_option(kinds.get(dest), values) for dest, values in options.items()}, kinds)
        self.stepwise_stop = self._stepwise_stop()
        self._ini_types: Dict[str, Tuple[str, Any]] = {}
        undeclared = {name for plugin, names in _PLUGIN_INI_KEYS.items() if self.blocks_plugin(plugin) for name in names}
        for name, (kind, default) in _PYTEST_INI.items():
            if name not in undeclared:
                self._declare_ini(name, kind, default)
        self.invocation_params = _InvocationParams(os.getcwd(), tuple(options.get("fastest_args", ())))
        self.pluginmanager = PytestPluginManager()
        from .hooks import HookRelay

        self.hook = HookRelay()
        self.stash: Dict[Any, Any] = {}
        self._inicache = self._ini_cache
        self.args: List[str] = list(self.option.file_or_dir or [])

    def _stepwise_stop(self) -> Optional[Tuple[int, str]]:
        """Under --sw, (the failed tests after which pytest's stepwise
        plugin stops the session, the reason it gives as shouldstop), as
        the core set them (core/run/cache_order.h); the suite then sees the
        user's --maxfail, which the core's maxfail stands in for when the
        stepwise stop comes first. None without --sw."""
        option = self.option
        reason = getattr(option, "fastest_stop_reason", None)
        if not reason:
            return None
        users_maxfail = getattr(option, "fastest_collection_maxfail", None)
        if users_maxfail is not None:
            option.maxfail = users_maxfail
        return option.fastest_stepwise_limit, reason

    @property
    def rootpath(self) -> Path:
        from pathlib import Path

        return Path(self.rootpath_str)

    @property
    def inipath(self) -> Optional[Path]:
        if self.inipath_str is None:
            return None
        from pathlib import Path

        return Path(self.inipath_str)

    # pytest's legacy py.path attributes (the builtin fixtures' legacy_path).
    @property
    def rootdir(self) -> Any:
        from fastest_builtin_fixtures.legacy_path import legacy_path

        return legacy_path(self.rootpath_str)

    @property
    def inifile(self) -> Any:
        from fastest_builtin_fixtures.legacy_path import legacy_path

        return legacy_path(self.inipath_str) if self.inipath_str else None

    @property
    def invocation_dir(self) -> Any:
        from fastest_builtin_fixtures.legacy_path import legacy_path

        return legacy_path(self.invocation_params.dir_str)

    @property
    def known_args_namespace(self) -> _OptionNamespace:
        return self.option

    def getoption(self, name: str, default: Any = _NOTSET, skip: bool = False) -> Any:
        """The option's value by dest name ("maxfail") or option name
        ("--maxfail", "-x"); ``default`` when unknown, or skip the test with
        ``skip``."""
        name = self._option_dests.get(name, name)
        try:
            value = getattr(self.option, name)
            if value is None and skip:
                raise AttributeError(name)
            return value
        except AttributeError:
            if default is not _NOTSET:
                return default
            if skip:
                from fastest.pytest_api.outcomes import skip as skip_test

                skip_test(f"no {name!r} option found")
            raise ValueError(f"no option named {name!r}") from None

    def getvalue(self, name: str, path: Any = None) -> Any:
        return self.getoption(name)

    def blocks_plugin(self, name: str) -> bool:
        """Whether ``-p no:NAME`` takes pytest's builtin plugin NAME away."""
        return f"no:{name}" in (self.getoption("plugins") or ())

    def getini(self, name: str) -> Any:
        """The ini value, typed as pytest declares it."""
        try:
            return self._ini_cache[name]
        except KeyError:
            value = self._ini_cache[name] = self._compute_ini(name)
            return value

    def _compute_ini(self, name: str) -> Any:
        declared = self._ini_types.get(name)
        if declared is None:
            from .autoloaded_plugins import pytest_would_autoload_plugins

            # A plugin pytest loads (and the native engine does not) may
            # declare it: then the file's value or "", rather than an error.
            if not pytest_would_autoload_plugins():
                raise ValueError(f"unknown configuration value: {name!r}")
            declared = ("string", "")
        kind, default = declared
        overrides = [entry.split("=", 1) for entry in (self.option.override_ini or []) if "=" in entry]
        raw = dict(overrides).get(name, self._raw_ini.get(name))
        value = default if raw is None else _typed_ini(kind, raw, self.rootpath_str)
        if name == "markers" and self._builtin_markers_added:
            value = list(value) + self._builtin_markers()
        return list(value) if isinstance(value, list) else value

    def _builtin_markers(self) -> List[str]:
        # The warnings plugin registers filterwarnings.
        builtin = [marker for marker in BUILTIN_MARKERS
                   if not (marker.startswith("filterwarnings(") and self.blocks_plugin("warnings"))]
        return builtin + [line for plugin, module, line in _PLUGIN_MARKERS if self.would_load_plugin(plugin, module)]

    def would_load_plugin(self, plugin: str, module: str) -> bool:
        """Whether pytest would load the third-party plugin ``plugin``,
        whose top-level module is ``module``, in this run."""
        from .autoloaded_plugins import pytest_would_autoload

        return not self.blocks_plugin(plugin) and pytest_would_autoload(module)

    def validate_ini_keys(self) -> None:
        """pytest's check of the ini file once collection is done (keys a
        late conftest declares count): for each key nobody declared, in name
        order, a PytestConfigWarning, or with ``--strict-config`` a
        UsageError. Nothing when a plugin pytest would autoload, which the
        native engine does not load, may declare them."""
        unknown = sorted(name for name in self._raw_ini if name not in self._ini_types)
        if not unknown:
            return
        from fastest.pytest_api import UsageError
        from fastest.pytest_api.warning_types import PytestConfigWarning

        from .autoloaded_plugins import pytest_would_autoload_plugins

        if pytest_would_autoload_plugins():
            return
        import warnings

        for key in unknown:
            message = f"Unknown config option: {key}\n"
            if self.getoption("strict_config", False):
                raise UsageError(message)
            warnings.warn(PytestConfigWarning(message))  # pytest's site: config/__init__.py: self._warn_or_fail_if_strict(f"Unknown config option: {key}...

    def add_builtin_markers(self) -> None:
        """The markers pytest's own plugins register in their
        pytest_configure, which runs after the initial conftests' (a
        historic hook calls the latest registered first): a conftest
        reading ``getini("markers")`` there sees the ini file's and its
        own, and the builtin ones come after those."""
        self._builtin_markers_added = True
        markers = self._ini_cache.get("markers")
        if markers is not None:
            markers.extend(self._builtin_markers())

    def _declare_ini(self, name: str, kind: Optional[str], default: Any) -> None:
        """``parser.addini``: the key's type, and its default as pytest's
        _getini gives it (the one declared, else "" without a type, else
        [] -- even for type="string")."""
        if default is None:
            default = "" if kind is None else []
        self._ini_types[name] = (kind or "string", default)
        self._ini_cache.pop(name, None)

    def addinivalue_line(self, name: str, line: str) -> None:
        """Append ``line`` to a linelist ini value (``markers`` mostly)."""
        self.getini(name).append(line)

    def issue_config_time_warning(self, warning: Warning, stacklevel: int) -> None:
        import warnings

        warnings.warn(warning, stacklevel=stacklevel)

    def get_verbosity(self) -> int:
        return self.option.verbose


class _InvocationParams:
    """``config.invocation_params``: where the run started."""

    def __init__(self, cwd: str, args: Tuple[str, ...]) -> None:
        self.dir_str = cwd
        self.args = args  # the command line as given (not addopts)
        self.plugins = None

    @property
    def dir(self) -> Path:
        from pathlib import Path

        return Path(self.dir_str)
