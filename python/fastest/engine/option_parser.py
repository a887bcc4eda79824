"""``pytest_addoption(parser)`` in native mode: pytest's ``Parser`` and
``OptionGroup`` API over the option values the C core parsed.

The C core parses the command line (core/cli); options a conftest defines
reach it as the specs of ``Parser.specs()`` (see ``conftest_options`` in
session.py and core/run/conftest_options.c) and come back, like every
option, as raw strings under their dest in the config dict's "options".
This module gives those strings their Python values (argparse's actions,
``type``, defaults) as each option is added, as pytest's
``Config._processopt`` does, so an option added by a conftest loaded later
still gets its default."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional

# pytest 7's deprecated string types (Argument._typ_map).
_STRING_TYPES = {"int": int, "string": str, "float": float, "complex": complex}
# The actions the C parser can apply (core/cli/option_table.h), and the
# default argparse gives each when the option has none.
_ACTION_DEFAULTS = {"store": None, "store_const": None, "store_true": False, "store_false": True, "append": None, "count": None}


class Argument:
    """One ``addoption`` call: names, dest and argparse attributes."""

    def __init__(self, names: tuple, attrs: Dict[str, Any]) -> None:
        self.names = list(names)
        self.attrs = attrs
        self.action = attrs.get("action", "store")
        convert = attrs.get("type")
        if isinstance(convert, str):
            convert = _STRING_TYPES[convert]
        if convert is None and attrs.get("choices"):
            convert = type(list(attrs["choices"])[0])
        self.type: Optional[Callable] = convert
        long_names = [name for name in names if name.startswith("--")]
        if attrs.get("dest"):
            self.dest = attrs["dest"]
        elif long_names:
            self.dest = long_names[0][2:].replace("-", "_")
        elif names:
            self.dest = names[0][1:]
        else:
            raise ValueError("need a long or short option")
        self.default = attrs["default"] if "default" in attrs else _ACTION_DEFAULTS.get(self.action)

    def native(self) -> bool:
        """Whether the C parser can parse it: the actions above, one value
        at most per occurrence."""
        return self.action in _ACTION_DEFAULTS and self.attrs.get("nargs") is None

    def spec(self) -> Dict[str, Any]:
        """What core/run/conftest_options.c turns into a cli_option."""
        action = "store_const" if self.action.startswith("store_") else self.action
        kind = {int: "int", float: "float"}.get(self.type, "str")  # type: ignore[arg-type]
        choices = self.attrs.get("choices")
        return {
            "names": self.names,
            "dest": self.dest,
            "action": action,
            "type": kind,
            "choices": [str(choice) for choice in choices] if choices else None,
            "metavar": self.attrs.get("metavar"),
            "help": self.attrs.get("help"),
        }

    def value(self, given: Optional[List[str]]) -> Any:
        """The Python value from the raw strings the command line gave
        (None when it gave none)."""
        if not given:
            return self.default
        if self.action == "store_true":
            return True
        if self.action == "store_false":
            return False
        if self.action == "store_const":
            return self.attrs.get("const")
        if self.action == "count":
            return int(given[-1])
        convert = self.type or str
        if self.action == "append":
            return list(self.default or []) + [convert(text) for text in given]
        return convert(given[-1])


class OptionGroup:
    """``parser.getgroup(name)``: options shown together in ``--help``."""

    def __init__(self, name: str, description: str, parser: "Parser") -> None:
        self.name = name
        self.description = description
        self.options: List[Argument] = []
        self.parser = parser

    def addoption(self, *names: str, **attrs: Any) -> None:
        taken = {name for option in self.options for name in option.names}.intersection(names)
        if taken:
            raise ValueError(f"option names {taken} already added")
        self._addoption(*names, **attrs)

    def _addoption(self, *names: str, **attrs: Any) -> None:
        option = Argument(names, attrs)
        self.options.append(option)
        self.parser.processoption(option)


class Parser:
    """``pytest_addoption``'s ``parser``: options go to the config at once
    (typed from the command line's values, or their defaults); ini keys
    declared by ``addini`` get their type and default in the config."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self._anonymous = OptionGroup("Custom options", "", self)
        self._groups: List[OptionGroup] = []
        self.extra_info: Dict[str, Any] = {}

    def getgroup(self, name: str, description: str = "", after: Optional[str] = None) -> OptionGroup:
        for group in self._groups:
            if group.name == name:
                return group
        group = OptionGroup(name, description, self)
        self._groups.append(group)
        return group

    def addoption(self, *names: str, **attrs: Any) -> None:
        self._anonymous.addoption(*names, **attrs)

    def addini(self, name: str, help: str, type: Optional[str] = None, default: Any = None) -> None:
        self.config._declare_ini(name, "paths" if type == "pathlist" else type, default)

    def processoption(self, option: Argument) -> None:
        """pytest's Config._processopt: the value from the command line,
        else the default unless an earlier option set that dest; its names
        lead getoption to its dest."""
        self.config._option_dests.update(dict.fromkeys(option.names, option.dest))
        given = self.config._given_options.get(option.dest)
        if given or not hasattr(self.config.option, option.dest):
            setattr(self.config.option, option.dest, option.value(given))

    def options(self) -> List[Argument]:
        """Every option added so far, in order."""
        return [option for group in (self._anonymous, *self._groups) for option in group.options]

    def specs(self) -> List[Dict[str, Any]]:
        """The specs of the options the C parser can parse, each with its
        group's title in ``--help`` (its description, else its name), in
        pytest's order there: the named groups, then the anonymous one."""
        return [
            dict(option.spec(), group=group.description or group.name)
            for group in (*self._groups, self._anonymous)
            for option in group.options
            if option.native()
        ]
