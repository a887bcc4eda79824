"""Marks: ``pytest.mark.NAME(...)`` decorators, the ``Mark`` records they
store on functions and classes (``pytestmark``), and ``pytest.param``."""
from __future__ import annotations

from collections import namedtuple
from types import FunctionType

from .outcomes import fail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple

# pytest registers these markers itself (its `markers` ini lines, word for
# word); they never warn as unknown.
BUILTIN_MARKERS = (
    'filterwarnings(warning): add a warning filter to the given test. see https://docs.pytest.org/en/stable/how-to/capture-warnings.html#pytest-mark-filterwarnings ',
    'skip(reason=None): skip the given test function with an optional reason. Example: skip(reason="no way of currently testing this") skips the test.',
    "skipif(condition, ..., *, reason=...): skip the given test function if any of the conditions evaluate to True. Example: skipif(sys.platform == 'win32') skips the test if we are on the win32 platform. See https://docs.pytest.org/en/stable/reference/reference.html#pytest-mark-skipif",
    "xfail(condition, ..., *, reason=..., run=True, raises=None, strict=xfail_strict): mark the test function as an expected failure if any of the conditions evaluate to True. Optionally specify a reason for better reporting and run=False if you don't even want to execute the test function. If only specific exception(s) are expected, you can list them in raises, and if the test fails in other ways, it will be reported as a true failure. See https://docs.pytest.org/en/stable/reference/reference.html#pytest-mark-xfail",
    "parametrize(argnames, argvalues): call a test function multiple times passing in different arguments in turn. argvalues generally needs to be a list of values if argnames specifies only one name or a list of tuples of values if argnames specifies multiple names. Example: @parametrize('arg1', [1,2]) would lead to two calls of the decorated test function, one with arg1=1 and another with arg1=2.see https://docs.pytest.org/en/stable/how-to/parametrize.html for more info and examples.",
    'usefixtures(fixturename1, fixturename2, ...): mark tests as needing all of the specified fixtures. see https://docs.pytest.org/en/stable/explanation/fixtures.html#usefixtures ',
    'tryfirst: mark a hook implementation function such that the plugin machinery will try to call it first/as early as possible. DEPRECATED, use @pytest.hookimpl(tryfirst=True) instead.',
    'trylast: mark a hook implementation function such that the plugin machinery will try to call it last/as late as possible. DEPRECATED, use @pytest.hookimpl(trylast=True) instead.',
)


class Mark:
    """One applied mark: its name, positional and keyword arguments."""

    __slots__ = ("name", "args", "kwargs", "_param_ids_from", "_param_ids_generated")

    def __init__(
        self,
        name: str,
        args: Tuple[Any, ...],
        kwargs: Mapping[str, Any],
        param_ids_from: Optional["Mark"] = None,
        param_ids_generated: Optional[Sequence[str]] = None,
        *,
        _ispytest: bool = False,
    ) -> None:
        self.name = name
        self.args = args
        self.kwargs = kwargs
        # A parametrize mark shared by several items (a class mark) computes
        # its ids once; the copies remember the original to reuse them.
        self._param_ids_from = param_ids_from
        self._param_ids_generated = param_ids_generated

    def _has_param_ids(self) -> bool:
        return "ids" in self.kwargs or len(self.args) >= 4

    def combined_with(self, other: "Mark") -> "Mark":
        """Append ``other``'s args and merge its kwargs over ours."""
        assert self.name == other.name
        param_ids_from = None
        if self.name == "parametrize":
            if other._has_param_ids():
                param_ids_from = other
            elif self._has_param_ids():
                param_ids_from = self
        return Mark(self.name, self.args + other.args, dict(self.kwargs, **other.kwargs), param_ids_from)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mark):
            return NotImplemented
        return (self.name, self.args, self.kwargs) == (other.name, other.args, other.kwargs)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Mark(name={self.name!r}, args={self.args!r}, kwargs={self.kwargs!r})"


class MarkDecorator:
    """``pytest.mark.NAME``: calling it with arguments makes a new decorator;
    calling it with exactly one class or function applies it."""

    __slots__ = ("mark",)

    def __init__(self, mark: Mark, *, _ispytest: bool = False) -> None:
        self.mark = mark

    @property
    def name(self) -> str:
        return self.mark.name

    @property
    def args(self) -> Tuple[Any, ...]:
        return self.mark.args

    @property
    def kwargs(self) -> Mapping[str, Any]:
        return self.mark.kwargs

    @property
    def markname(self) -> str:
        return self.name

    def with_args(self, *args: object, **kwargs: object) -> "MarkDecorator":
        return MarkDecorator(self.mark.combined_with(Mark(self.name, args, kwargs)))

    def __call__(self, *args: object, **kwargs: object):
        if args and not kwargs:
            func = args[0]
            # A lone named function or class is decorated; anything else
            # (including a lambda) is a mark argument.
            is_test_function = isinstance(func, FunctionType) and func.__name__ != "<lambda>"
            if len(args) == 1 and (is_test_function or isinstance(func, type)):
                store_mark(func, self.mark)
                return func
        return self.with_args(*args, **kwargs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MarkDecorator) and self.mark == other.mark

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        # pytest's is an attrs class: attrs makes its repr.
        return f"MarkDecorator(mark={self.mark!r})"


def get_unpacked_marks(obj: object, *, consider_mro: bool = True) -> List[Mark]:
    """The marks stored on ``obj`` (its ``pytestmark``), as a list; for a
    class, those of its bases too (in MRO order) unless ``consider_mro`` is
    false."""
    if isinstance(obj, type):
        owners = obj.__mro__ if consider_mro else (obj,)
        mark_list: list = []
        for owner in owners:
            stored = owner.__dict__.get("pytestmark", [])
            mark_list.extend(stored if isinstance(stored, list) else [stored])
    else:
        stored = getattr(obj, "pytestmark", [])
        mark_list = stored if isinstance(stored, list) else [stored]
    return normalize_mark_list(mark_list) if mark_list else []


def normalize_mark_list(mark_list: Iterable[object]) -> List[Mark]:
    """Turn decorators into marks; reject anything else as pytest does."""
    marks = []
    for item in mark_list:
        mark = getattr(item, "mark", item)
        if not isinstance(mark, Mark):
            raise TypeError(f"got {mark!r} instead of Mark")
        marks.append(mark)
    return marks


def store_mark(obj: object, mark: Mark) -> None:
    """Add ``mark`` to ``obj``'s own ``pytestmark``."""
    obj.pytestmark = [*get_unpacked_marks(obj, consider_mro=False), mark]  # type: ignore[attr-defined]


class MarkGenerator:
    """``pytest.mark``: any attribute is a mark of that name. With a config
    attached, unknown names warn (or fail under ``--strict-markers``)."""

    def __init__(self, *, _ispytest: bool = False) -> None:
        self._config = None
        self._markers: set = set()

    def __getattr__(self, name: str) -> MarkDecorator:
        if name[0] == "_":
            raise AttributeError("Marker name must NOT start with underscore")
        if self._config is not None and name not in self._markers:
            self._check_known(name)
        return MarkDecorator(Mark(name, (), {}))

    def _check_known(self, name: str) -> None:
        __tracebackhide__ = True
        for line in self._config.getini("markers"):
            self._markers.add(line.split(":")[0].split("(")[0].strip())
        if name in self._markers:
            return
        if self._config.getoption("strict_markers", False):
            fail(f"{name!r} not found in `markers` configuration option", pytrace=False)
        if name in ("parameterize", "parametrise", "parameterise"):
            fail(f"Unknown '{name}' mark, did you mean 'parametrize'?")
        import warnings

        from .warning_types import PytestUnknownMarkWarning

        warnings.warn(
            f"Unknown pytest.mark.{name} - is this a typo?  You can register "
            "custom marks to avoid this warning - for details, see "
            "https://docs.pytest.org/en/stable/how-to/mark.html",
            PytestUnknownMarkWarning,
            3,
        )


MARK_GEN = MarkGenerator()


class _NotSet:
    """The value of a parameter of an empty parameter set."""

    def __repr__(self) -> str:
        return "<NotSetType.token: 0>"


NOTSET = _NotSet()


class ParameterSet(namedtuple("ParameterSet", ["values", "marks", "id"])):
    """One row of parametrize values, with its marks and explicit id."""

    __slots__ = ()

    @classmethod
    def param(cls, *values: object, marks=(), id: Optional[str] = None) -> "ParameterSet":
        if isinstance(marks, MarkDecorator):
            marks = (marks,)
        if id is not None:
            if not isinstance(id, str):
                raise TypeError(f"Expected id to be a string, got {type(id)}: {id!r}")
            id = ascii_escaped(id)
        return cls(values, marks, id)

    @classmethod
    def extract_from(cls, value: object, force_tuple: bool) -> "ParameterSet":
        if isinstance(value, cls):
            return value
        if force_tuple:
            return cls.param(value)
        return cls(value, [], None)  # type: ignore[arg-type]


def param(*values: object, marks=(), id: Optional[str] = None) -> ParameterSet:
    """``pytest.param``: one parametrize row with marks and/or an id."""
    return ParameterSet.param(*values, marks=marks, id=id)


def parse_parametrize_argnames(argnames, *_args, **_kwargs) -> Tuple[List[str], bool]:
    """Split "a, b" argnames; a single name means each value is one argument."""
    if isinstance(argnames, str):
        names = [name.strip() for name in argnames.split(",") if name.strip()]
        return names, len(names) == 1
    return list(argnames), False


_NON_PRINTABLE = {i: f"\\x{i:02x}" for i in range(128) if i not in range(32, 127)}
_NON_PRINTABLE.update({ord("\t"): "\\t", ord("\r"): "\\r", ord("\n"): "\\n"})


def ascii_escaped(value) -> str:
    """pytest's ascii escaping of ids: non-ASCII as escapes, bytes as \\xNN."""
    if isinstance(value, bytes):
        text = value.decode("ascii", "backslashreplace")
    else:
        text = value.encode("unicode_escape").decode("ascii")
    return text.translate(_NON_PRINTABLE)
