#!/usr/bin/env python3
"""Generates varied test suites and checks that disc-dump (static discovery
and selection) reports exactly the node ids, in the same order, that
`pytest --co -q` prints for each; pytest is the oracle at test time.

Modules disc-dump marks DYNAMIC (only an import can resolve them) are
checked for that flag and their ids left out of the comparison; ERROR
modules must be the ones pytest reports as collection errors.

Usage: compare_with_pytest.py DISC_DUMP [PYTHON_WITH_PYTEST]
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

DISC_DUMP = sys.argv[1]
PYTEST = [sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/python3", "-m", "pytest"]

BASICS = {
    "test_basic.py": """
        import pytest, unittest
        from unittest import TestCase

        def test_one(): pass
        async def test_async(): pass
        def helper(): pass
        def testNoUnderscore(): pass
        test_value = 3

        class TestPlain:
            def test_m(self): pass
            @staticmethod
            def test_static(): pass
            @classmethod
            def test_cls(cls): pass
            @property
            def test_prop(self): return 1
            def not_a_test(self): pass
            class TestNested:
                def test_inner(self): pass
                class TestDeeper:
                    def test_deep(self): pass
            def test_after_nested(self): pass

        class TestWithInit:
            def __init__(self): pass
            def test_never(self): pass

        class TestWithNew:
            def __new__(cls): return object.__new__(cls)
            def test_never(self): pass

        class TestDisabled:
            __test__ = False
            def test_never(self): pass

        class NotCollected:
            def test_never(self): pass

        class TestBase:
            def test_base_a(self): pass
            def test_shared(self): pass

        class TestChild(TestBase):
            def test_child(self): pass
            def test_shared(self): pass

        class Mixin:
            def test_from_mixin(self): pass

        class TestMulti(Mixin, TestBase):
            def test_own(self): pass

        class MyCase(unittest.TestCase):
            def test_z(self): pass
            def test_a(self): pass
            def helper(self): pass

        class OtherCase(TestCase):
            def runTest(self): pass

        class DerivedCase(MyCase):
            def test_m(self): pass

        @pytest.fixture
        def test_fixture_named():
            return 1

        def test_redefined(): pass
        def test_later(): pass
        def test_redefined(): pass
    """,
    "test_module_off.py": """
        __test__ = False
        def test_never(): pass
    """,
    "other_test.py": """
        def test_suffix_style(): pass
    """,
    "helpers.py": """
        def test_not_collected(): pass
    """,
}

PARAMETRIZE = {
    "test_params.py": r'''
        import pytest
        from pytest import param, mark as m
        import pytest as pt

        VALUES = [1, 2, 3]
        NAMES = ("x", "y")

        def make(): pass
        class Klass: pass

        @pytest.mark.parametrize("v", [0, -1, +2, 1_000, 0x1F, 0o7, 0b101])
        def test_ints(v): pass

        @pytest.mark.parametrize("v", [1.0, 0.1, 1e16, 1e-5, -0.0, 2.5e-7, 123456789.123, 1e300, 3.14159])
        def test_floats(v): pass

        @pytest.mark.parametrize("v", ["a", "", "é", "日本", "tab\there", "new\nline", "back\\slash", "q'uote", "\x01", "\U0001F600", r"raw\n", "con" "cat"])
        def test_strings(v): pass

        @pytest.mark.parametrize("v", [b"abc", b"\xff\x00", b"\\", b"tab\t"])
        def test_bytes(v): pass

        @pytest.mark.parametrize("v", [True, False, None, int, str, make, Klass])
        def test_misc(v): pass

        @pytest.mark.parametrize("v", [(1, 2), [3], {}, {1}])
        def test_containers(v): pass

        @pytest.mark.parametrize("a,b", [(1, 2), (3, 4)])
        def test_two(a, b): pass

        @pytest.mark.parametrize(("a", "b"), [(1, "x"), [2, "y"]])
        def test_tuple_names(a, b): pass

        @pytest.mark.parametrize(" a , b ", [(1, 2)])
        def test_spaces(a, b): pass

        @pytest.mark.parametrize("v", [1, 2, 3], ids=["one", "two", None])
        def test_ids(v): pass

        @pytest.mark.parametrize("v", [1, 2], ids=("é", 7))
        def test_ids_tuple(v): pass

        @pytest.mark.parametrize("v", [1, 1, 2, 1, "x", "x"])
        def test_duplicates(v): pass

        @pytest.mark.parametrize("v", [pytest.param(1, id="first"), param(2, marks=pytest.mark.slow), pt.param(3, id="é"), param(4, id=None), param(5, marks=[m.a, m.b])])
        def test_param(v): pass

        @pytest.mark.parametrize("v", [])
        def test_empty(v): pass

        @pytest.mark.parametrize("a,b", [])
        def test_empty_two(a, b): pass

        @pytest.mark.parametrize("a", [1, 2])
        @pytest.mark.parametrize("b", ["x", "y"])
        @pytest.mark.parametrize("c", [None])
        def test_stacked(a, b, c): pass

        @pytest.mark.parametrize("v", VALUES)
        def test_constant(v): pass

        @pytest.mark.parametrize("v", NAMES)
        def test_constant_tuple(v): pass

        @m.parametrize("v", [1])
        def test_mark_alias(v): pass

        @pt.mark.parametrize(argnames="v", argvalues=[1, 2])
        def test_keywords(v): pass

        @pytest.mark.parametrize("v", [1, 2], indirect=False, scope="function")
        def test_other_kwargs(v): pass

        @pytest.mark.parametrize("cls", [1, 2])
        class TestClassLevel:
            def test_a(self, cls): pass
            @pytest.mark.parametrize("x", ["p", "q"])
            def test_b(self, cls, x): pass

        class TestMethods:
            @pytest.mark.parametrize("v", [1.5, "s"])
            def test_m(self, v): pass
    ''',
    "test_module_param.py": """
        import pytest
        pytestmark = pytest.mark.parametrize("p", [1, 2])
        def test_one(p): pass
        class TestC:
            def test_two(self, p): pass
    """,
}

MARKS = {
    "test_marks.py": """
        import pytest
        from pytest import mark

        pytestmark = [pytest.mark.modmark, mark.other]

        @pytest.mark.slow
        def test_slow(): pass

        @mark.fast
        @mark.skip(reason="x")
        def test_fast(): pass

        def test_plain(): pass

        @pytest.mark.slow
        class TestMarked:
            pytestmark = pytest.mark.classmark
            def test_in_class(self): pass
            @pytest.mark.inner
            def test_inner_mark(self): pass

        class TestInherits(TestMarked):
            def test_sub(self): pass

        @pytest.mark.xdist_group(name="g1")
        def test_group(): pass

        @pytest.mark.parametrize("v", [pytest.param(1, marks=pytest.mark.slow), 2])
        def test_param_marks(v): pass
    """,
    "test_single.py": """
        import pytest
        pytestmark = pytest.mark.single
        def test_single_a(): pass
        def test_other_b(): pass
    """,
}

TREE = {
    "conftest.py": """
        collect_ignore = ["ignored_dir", "test_ignored.py"]
        collect_ignore_glob = ["*_skipglob.py"]
    """,
    "test_ignored.py": "def test_x(): pass\n",
    "test_a_skipglob.py": "def test_x(): pass\n",
    "test_root.py": "def test_root(): pass\n",
    "Test_upper.py": "def test_upper(): pass\n",
    "ignored_dir/test_in_ignored.py": "def test_x(): pass\n",
    "pkg/__init__.py": "",
    "pkg/test_pkg_a.py": "def test_a(): pass\n",
    "pkg/zeta/test_z.py": "def test_z(): pass\n",
    "pkg/sub/__init__.py": "",
    "pkg/sub/test_sub.py": "def test_sub(): pass\n",
    "pkg/sub/conftest.py": "collect_ignore = ['test_sub_ignored.py']\n",
    "pkg/sub/test_sub_ignored.py": "def test_x(): pass\n",
    "pkg/test_after_dirs.py": "def test_after(): pass\n",
    "plain/test_plain.py": "def test_plain(): pass\n",
    "plain/deeper/test_deep.py": "def test_deep(): pass\n",
    "plain/a_first/test_first.py": "def test_first(): pass\n",
    "build/test_build.py": "def test_build(): pass\n",
    ".hidden/test_hidden.py": "def test_hidden(): pass\n",
    "venvlike/bin/activate": "",
    "venvlike/test_venv.py": "def test_venv(): pass\n",
    "node_modules/test_nm.py": "def test_nm(): pass\n",
    "my.egg/test_egg.py": "def test_egg(): pass\n",
    "__pycache__/test_cache.py": "def test_cache(): pass\n",
    "custom_skip/test_custom.py": "def test_custom(): pass\n",
    "tests_a/test_ta.py": "def test_ta(): pass\n",
    "tests_b/test_tb.py": "def test_tb(): pass\n",
    "tests_b/test_syntax_error.py": "def test_broken(:\n    pass\n",
}

DYNAMIC = {
    "test_generate.py": """
        def pytest_generate_tests(metafunc):
            if "v" in metafunc.fixturenames:
                metafunc.parametrize("v", [1, 2])
        def test_gen(v): pass
    """,
    "test_fixture_params.py": """
        import pytest
        @pytest.fixture(params=[1, 2])
        def fx(request): return request.param
        def test_uses(fx): pass
    """,
    "test_dynamic_values.py": """
        import pytest
        def values(): return [1, 2]
        @pytest.mark.parametrize("v", values())
        def test_call(v): pass
        @pytest.mark.parametrize("v", [10**2, 1j])
        def test_expressions(v): pass
    """,
    "test_static_neighbour.py": """
        import pytest
        @pytest.fixture
        def plain(): return 1
        def test_static(plain): pass
    """,
}

# PytestCollectionWarnings: their text, file names (relative for an item's,
# absolute for a class's), source lines and pytest's emission order.
WARNINGS = {
    "sub/test_warned.py": """
        import pytest

        class TestInit:
            def __init__(self): pass
            def test_a(self): pass

        class TestOuter:
            class TestInner:
                def __new__(cls): pass
                def test_b(self): pass
            def test_gen_m(self):
                yield 1
            def test_plain(self): pass

        @pytest.mark.parametrize("x", [1, 2])
        def test_gen(x):
            yield x

        async def test_async_gen():
            yield 1

        def test_lambda_yield():
            f = lambda: (yield)

        @pytest.mark.skip
        class TestDecorated:
            def __init__(self): pass
    """,
    "test_second.py": """
        class TestLater:
            def __init__(self, x=1): pass
        def test_gen():
                yield 1   # odd indentation: the source line is stripped
    """,
}

# (name, files, ini lines, argument sets for pytest)
SUITES: List[Tuple[str, Dict[str, str], List[str], List[List[str]]]] = [
    ("basics", BASICS, [], [[], ["test_basic.py"], ["test_basic.py::TestPlain"],
                            ["test_basic.py::TestPlain::TestNested"],
                            ["test_basic.py::test_one", "test_basic.py::MyCase::test_a"],
                            ["-k", "TestPlain and not nested"], ["-k", "child or mixin"],
                            ["-k", "test_basic.py and async"], ["-k", "not (one or MyCase)"],
                            ["--deselect", "test_basic.py::TestPlain", "--deselect", "other_test.py"],
                            ["-k", ""], ["-k", "  "],
                            ]),
    ("basics-custom-names", BASICS, ["python_functions = test* helper", "python_classes = Test *Collected",
                                     "python_files = *.py"], [[]]),
    ("parametrize", PARAMETRIZE, [], [[], ["test_params.py::test_ints"],
                                      ["test_params.py::test_ints[0]"],
                                      ["-k", "floats or test_two"], ["-k", "1-2"],
                                      ["-k", "TestClassLevel and p"]]),
    ("marks", MARKS, ["markers =", "    slow", "    fast", "    modmark", "    other",
                      "    classmark", "    inner", "    single", "    xdist_group"],
     [[], ["-m", "slow"], ["-m", "not slow"], ["-m", "modmark and not fast"],
      ["-m", "classmark or single"], ["-k", "pytestmark"], ["-k", "slow and not sub"],
      ["-m", "skip"], ["-k", "single"]]),
    ("tree", TREE, ["norecursedirs = custom_skip .* build"],
     [[], ["pkg"], ["plain", "pkg/sub"], ["pkg/sub/test_sub.py"], ["--ignore", "plain/deeper"],
      ["--ignore-glob", "*/pkg/*"], ["-k", "pkg"], ["-k", "sub"], ["-k", "plain and not deep"],
      ["-k", "zeta"], ["test_ignored.py"], ["tests_b"]]),
    ("tree-default-norecurse", TREE, [], [[]]),
    ("testpaths", TREE, ["testpaths = tests_* plain"], [[]]),
    ("dynamic", DYNAMIC, [], [[]]),
    ("warnings", WARNINGS, [], [[], ["sub"], ["sub/test_warned.py::TestOuter"],
                                ["sub/test_warned.py::TestOuter::test_plain"],
                                ["sub/test_warned.py::test_gen", "test_second.py"],
                                ["-k", "gen"]]),
]

SUMMARY = re.compile(r"^(\d+)(?:/(\d+))? tests? collected(?: \((\d+) deselected\))?")


def write_suite(root: Path, files: Dict[str, str], ini: List[str]) -> None:
    (root / "pytest.ini").write_text("[pytest]\n" + "".join(line + "\n" for line in ini))
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def ini_values(ini: List[str], key: str) -> List[str]:
    for line in ini:
        if line.startswith(key + " ="):
            return line.split("=", 1)[1].split()
    return []


def disc_args(ini: List[str], args: Sequence[str]) -> List[str]:
    flags = []
    for key, flag in (("testpaths", "--testpaths"), ("norecursedirs", "--norecursedirs"),
                      ("python_files", "--python-files"), ("python_classes", "--python-classes"),
                      ("python_functions", "--python-functions")):
        for value in ini_values(ini, key):
            flags += [flag, value]
    return flags + list(args)


def pytest_warnings(stdout: str) -> str:
    """The PytestCollectionWarning blocks of pytest's warnings summary (the
    others, such as unknown marks, come from importing), or ""."""
    match = re.search(r"^=+ warnings summary =+\n(.*?)^-- Docs:", stdout, re.S | re.M)
    blocks = re.findall(r".*?\n\n", match.group(1), re.S) if match else []
    return "".join(b for b in blocks if ": PytestCollectionWarning: " in b)


def dump_warnings(root: Path, stdout: str) -> str:
    """disc-dump's WARNING lines rendered as pytest's warnings summary
    renders warning reports (TerminalReporter.summary_warnings)."""
    blocks = []
    for line in stdout.splitlines():
        if not line.startswith("WARNING "):
            continue
        path, lineno, text = line[len("WARNING "):].split("\t", 2)
        text = text.replace("\\n", "\n")
        location = os.path.relpath(path, root) if os.path.isabs(path) else path
        body = "\n".join("  " + part for part in text.splitlines()).rstrip()
        blocks.append(f"{location}:{lineno}\n{body}\n\n")
    return "".join(blocks)


def run_pytest(root: Path, args: Sequence[str]) -> Tuple[List[str], List[str], int, str, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(PYTEST + ["--co", "-q", "-p", "no:cacheprovider", *args], cwd=root,
                            capture_output=True, text=True, env=env)
    ids: List[str] = []
    errors: List[str] = []
    lines = result.stdout.splitlines()
    for line in lines:
        if not line.strip():
            break
        ids.append(line)
    for line in lines:
        if line.startswith("ERROR ") and " - " not in line:
            errors.append(line[len("ERROR "):])
        elif line.startswith("ERROR ") and " - " in line:
            errors.append(line[len("ERROR "):].split(" - ")[0])
    return ids, errors, result.returncode, result.stderr, pytest_warnings(result.stdout)


def run_disc(root: Path, args: Sequence[str]) -> Tuple[List[str], List[str], List[str], int, str, str]:
    """disc-dump's view of the suite. It runs three times: without the
    discovery cache, then with it cold and warm; the three must agree."""
    result = subprocess.run([DISC_DUMP, *args], cwd=root, capture_output=True, text=True)
    shutil.rmtree(root / ".fastest_cache", ignore_errors=True)
    for phase in ("cold", "warm"):
        cached = subprocess.run([DISC_DUMP, "--cache", *args], cwd=root, capture_output=True,
                                text=True)
        if (cached.stdout, cached.returncode) != (result.stdout, result.returncode):
            return [], [], [], -1, (f"with a {phase} cache disc-dump says:\n{cached.stdout}"
                                    f"without one:\n{result.stdout}"), ""
    ids, dynamic, errors = [], [], []
    for line in result.stdout.splitlines():
        if line.startswith("WARNING "):
            continue
        if line.startswith("DYNAMIC "):
            dynamic.append(line[len("DYNAMIC "):])
        elif line.startswith("ERROR "):
            errors.append(line[len("ERROR "):])
        elif not line.startswith("#"):
            ids.append(line)
    return ids, dynamic, errors, result.returncode, result.stderr, dump_warnings(root, result.stdout)


def main() -> int:
    failures = 0
    compared = 0
    skipped_dynamic = 0
    runs = 0
    for name, files, ini, arg_sets in SUITES:
        with tempfile.TemporaryDirectory(prefix=f"ft-disc-{name}-") as tmp:
            root = Path(tmp)
            write_suite(root, files, ini)
            for args in arg_sets:
                runs += 1
                label = f"{name} {' '.join(args) or '(no args)'}"
                want, want_errors, want_rc, want_err, want_warnings = run_pytest(root, args)
                got, dynamic, got_errors, got_rc, got_err, got_warnings = run_disc(
                    root, disc_args(ini, args))
                if got_rc == -1:
                    print(f"FAIL {label}: the discovery cache changes the result: {got_err}")
                    failures += 1
                    continue
                if want_rc == 4 or got_rc == 4:
                    if want_rc != got_rc:
                        print(f"FAIL {label}: pytest exit {want_rc}, disc-dump exit {got_rc}\n"
                              f"  pytest: {want_err.strip()}\n  disc-dump: {got_err.strip()}")
                        failures += 1
                    elif want_err.strip() != got_err.strip():
                        print(f"FAIL {label}: usage error text differs\n"
                              f"  pytest:    {want_err.strip()}\n  disc-dump: {got_err.strip()}")
                        failures += 1
                    continue
                static_want = [i for i in want if i.split("::")[0] not in dynamic]
                skipped_dynamic += len(want) - len(static_want)
                problems = []
                if static_want != got:
                    problems.append("node ids differ:\n" + "\n".join(
                        f"    {'-' if i in static_want and i not in got else '+' if i not in static_want else ' '} {i}"
                        for i in dict.fromkeys(static_want + got)))
                if not dynamic and want_warnings != got_warnings:
                    problems.append(f"warnings summary differs:\n--- pytest\n{want_warnings}"
                                    f"--- disc-dump\n{got_warnings}")
                if sorted(want_errors) != sorted(got_errors):
                    problems.append(f"errors: pytest {want_errors}, disc-dump {got_errors}")
                if problems:
                    failures += 1
                    print(f"FAIL {label}: " + "\n  ".join(problems))
                else:
                    compared += len(static_want)
    print(f"{runs} runs, {compared} node ids identical to pytest, "
          f"{skipped_dynamic} in modules flagged dynamic, {failures} failing runs")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
