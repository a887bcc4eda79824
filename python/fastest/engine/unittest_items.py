"""unittest.TestCase support as pytest 7.2 has it (``_pytest/unittest.py``):
setUpClass/tearDownClass and setup_method/teardown_method as hidden autouse
fixtures, each test run by ``TestCase.run`` with the item as its result
object, so unittest's outcomes (errors, failures, skips, expected failures,
unexpected successes) become pytest's. Without pytest-subtests the item
offers no ``addSubTest``: the first failing subTest fails the test."""
from __future__ import annotations

import sys

from fastest.pytest_api.fixture_decorator import fixture
from fastest.pytest_api.marks import get_unpacked_marks
from fastest.pytest_api.outcomes import Exit, Failed, Skipped, XFailed, exit, fail, xfail

from .nodes import Class, Function

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, List, Optional


class UnitTestCase(Class):
    """A unittest.TestCase subclass."""


def _is_skipped(obj: Any) -> bool:
    return bool(getattr(obj, "__unittest_skip__", False))


def _xunit_fixture(cls: type, setup_name: str, teardown_name: str, cleanup_name: Optional[str], scope: str, pass_self: bool):
    setup = getattr(cls, setup_name, None)
    teardown = getattr(cls, teardown_name, None)
    if setup is None and teardown is None:
        return None
    cleanup = getattr(cls, cleanup_name, lambda *args: None) if cleanup_name else (lambda *args: None)

    @fixture(scope=scope, autouse=True, name=f"_unittest_{setup_name}_fixture_{cls.__qualname__}")
    def unittest_fixture(self, request):
        if _is_skipped(self):
            raise Skipped(self.__unittest_skip_why__, _use_item_location=True)
        if setup is not None:
            try:
                setup(self, request.function) if pass_self else setup()
            except Exception:
                cleanup(self) if pass_self else cleanup()
                raise
        yield
        try:
            if teardown is not None:
                teardown(self, request.function) if pass_self else teardown()
        finally:
            cleanup(self) if pass_self else cleanup()

    return unittest_fixture


def collect_testcase(collector, parent, name: str, cls: type) -> List[Function]:
    """The items of TestCase subclass ``cls`` (its ``test*`` methods, or
    ``runTest``); none when the class sets ``__test__`` false."""
    import unittest

    if not getattr(cls, "__test__", True):
        return []
    node = UnitTestCase(name, parent, f"{parent.nodeid}::{name}", parent.path_str, cls)
    node.own_markers.extend(get_unpacked_marks(cls))
    node.keywords.update({mark.name: mark for mark in node.own_markers})
    if not _is_skipped(cls):
        class_fixture = _xunit_fixture(cls, "setUpClass", "tearDownClass", "doClassCleanups", "class", False)
        if class_fixture is not None:
            cls._UnitTestCase__pytest_class_setup = class_fixture
        method_fixture = _xunit_fixture(cls, "setup_method", "teardown_method", None, "function", True)
        if method_fixture is not None:
            cls._UnitTestCase__pytest_method_setup = method_fixture
    collector.fixturemanager.parsefactories(cls, node.nodeid, unittest=True)
    names = unittest.TestLoader().getTestCaseNames(cls)
    items = [
        _make_item(collector, node, method_name)
        for method_name in names
        if getattr(getattr(cls, method_name), "__test__", True)
    ]
    if not items and getattr(cls, "runTest", None) is not None:
        items.append(_make_item(collector, node, "runTest"))
    return items


def _make_item(collector, node: UnitTestCase, name: str) -> "TestCaseFunction":
    function = getattr(node.obj, name)
    item = TestCaseFunction(name, node, function, name)
    item.set_fixtureinfo(collector.fixturemanager.getfixtureinfo(item, function, node.obj, funcargs=False))
    return item


class TestCaseFunction(Function):
    """One TestCase method; also the unittest result object of its run."""

    nofuncargs = True
    _testcase = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._excinfo: List[tuple] = []

    @staticmethod
    def keep_traceback_entry(entry: Any) -> bool:
        """pytest's TestCaseFunction._prunetraceback: unittest's own frames
        (their module globals hold ``__unittest``) leave failure tracebacks."""
        return not entry.frame.f_globals.get("__unittest")

    def setup(self) -> None:
        self._testcase = self.parent.obj(self.name)
        self.obj = getattr(self._testcase, self.name)
        if self._request is not None:
            self._request._fillfixtures()

    def teardown(self) -> None:
        self._testcase = None
        self.obj = getattr(self.parent.obj, self.name)

    def runtest(self) -> None:
        self._testcase(result=self)

    # --- the unittest.TestResult protocol ---
    def startTest(self, testcase) -> None:
        pass

    def stopTest(self, testcase) -> None:
        pass

    def addSuccess(self, testcase) -> None:
        pass

    def _add_current(self) -> None:
        self._excinfo.append(sys.exc_info())

    def addError(self, testcase, rawexcinfo) -> None:
        if isinstance(rawexcinfo[1], Exit):
            exit(rawexcinfo[1].msg)
        self._excinfo.append(rawexcinfo)

    def addFailure(self, testcase, rawexcinfo) -> None:
        self._excinfo.append(rawexcinfo)

    def addSkip(self, testcase, reason: str) -> None:
        try:
            raise Skipped(reason, _use_item_location=True)
        except Skipped:
            self._add_current()

    def addExpectedFailure(self, testcase, rawexcinfo, reason: str = "") -> None:
        try:
            xfail(str(reason))
        except XFailed:
            self._add_current()

    def addUnexpectedSuccess(self, testcase, reason=None) -> None:
        message = "Unexpected success"
        if reason:
            message += f": {reason.reason}"
        try:
            fail(message, pytrace=False)
        except Failed:
            self._add_current()

    def take_recorded_error(self) -> Optional[tuple]:
        """The first outcome unittest reported during the phase, if any."""
        return self._excinfo.pop(0) if self._excinfo else None
