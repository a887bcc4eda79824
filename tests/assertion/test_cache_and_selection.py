"""Unit tests for the rewritten-bytecode cache and the rewrite selection rule.

    test_cache_and_selection.py PYTHON_SOURCE_DIR
"""
import marshal
import os
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, sys.argv.pop(1))

from fastest.assertion import pyc_cache, selection  # noqa: E402

FAILING_MODULE = b"def test():\n    x = 1\n    assert x == 2\n"


def message_of(code) -> str:
    namespace: dict = {}
    exec(code, namespace)
    try:
        namespace["test"]()
    except AssertionError as exc:
        return str(exc)
    raise RuntimeError("the test passed")


class CacheTests(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)
        self.source = self.folder / "test_mod.py"
        self.source.write_bytes(FAILING_MODULE)
        self.addCleanup(setattr, sys, "dont_write_bytecode", sys.dont_write_bytecode)
        sys.dont_write_bytecode = False

    def test_writes_fastest_tagged_pyc_beside_source(self) -> None:
        code = pyc_cache.load_or_rewrite(str(self.source))
        self.assertEqual(message_of(code), "assert 1 == 2")
        expected = self.folder / "__pycache__" / f"test_mod.{sys.implementation.cache_tag}-fastest-0.1.pyc"
        self.assertEqual(Path(pyc_cache.cache_path(self.source)), expected)
        self.assertTrue(expected.is_file())
        self.assertEqual([p.name for p in expected.parent.iterdir()], [expected.name])  # no temporaries left

    def test_reads_cache_when_source_unchanged(self) -> None:
        pyc_cache.load_or_rewrite(str(self.source))
        pyc = Path(pyc_cache.cache_path(self.source))
        header = pyc.read_bytes()[:16]
        planted = compile("def test():\n    assert False, 'from cache'\n", str(self.source), "exec")
        pyc.write_bytes(header + marshal.dumps(planted))
        self.assertEqual(message_of(pyc_cache.load_or_rewrite(str(self.source))), "from cache")

    def test_moved_tree_reports_the_new_path(self) -> None:
        # A copied or moved project (a CI cache, a container layer) brings its
        # __pycache__ along: the code must name where the source is now.
        pyc_cache.load_or_rewrite(str(self.source))
        moved = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, moved)
        shutil.copytree(self.folder, moved / "copy")
        source = moved / "copy" / "test_mod.py"
        shutil.copystat(self.source, source)
        code = pyc_cache.load_or_rewrite(str(source))
        functions = [const for const in code.co_consts if hasattr(const, "co_filename")]
        self.assertEqual({code.co_filename, *(f.co_filename for f in functions)}, {str(source)})

    def test_rewrites_when_source_changes(self) -> None:
        pyc_cache.load_or_rewrite(str(self.source))
        self.source.write_bytes(FAILING_MODULE.replace(b"x == 2", b"x == 22"))
        self.assertEqual(message_of(pyc_cache.load_or_rewrite(str(self.source))), "assert 1 == 22")

    def test_ignores_corrupt_cache(self) -> None:
        pyc = Path(pyc_cache.cache_path(self.source))
        pyc.parent.mkdir()
        pyc.write_bytes(b"garbage")
        self.assertEqual(message_of(pyc_cache.load_or_rewrite(str(self.source))), "assert 1 == 2")

    def test_dont_write_bytecode(self) -> None:
        sys.dont_write_bytecode = True
        pyc_cache.load_or_rewrite(str(self.source))
        self.assertFalse((self.folder / "__pycache__").exists())

    def test_opted_out_module_is_compiled_plainly(self) -> None:
        self.source.write_bytes(b'"""PYTEST_DONT_REWRITE"""\n' + FAILING_MODULE)
        self.assertEqual(message_of(pyc_cache.load_or_rewrite(str(self.source))), "")

    def test_read_only_folder_still_loads(self) -> None:
        os.chmod(self.folder, 0o500)
        self.addCleanup(os.chmod, self.folder, 0o700)  # runs before the rmtree
        self.assertEqual(message_of(pyc_cache.load_or_rewrite(str(self.source))), "assert 1 == 2")


class SelectionTests(unittest.TestCase):
    PATTERNS = ["test_*.py", "*_test.py"]

    def test_conftest_always(self) -> None:
        self.assertTrue(selection.should_rewrite("conftest", "/p/conftest.py", []))

    def test_python_files_patterns(self) -> None:
        self.assertTrue(selection.should_rewrite("test_a", "/p/test_a.py", self.PATTERNS))
        self.assertTrue(selection.should_rewrite("a_test", "/p/a_test.py", self.PATTERNS))
        self.assertFalse(selection.should_rewrite("helpers", "/p/helpers.py", self.PATTERNS))

    def test_pattern_with_folder(self) -> None:
        self.assertTrue(selection.should_rewrite("check", "/r/tests/unit/check.py", ["tests/*/check.py"]))

    def test_initial_paths(self) -> None:
        self.assertTrue(selection.should_rewrite("check", "/p/check.py", self.PATTERNS, {"/p/check.py"}))

    def test_registered_package_and_submodules(self) -> None:
        selection.register("myplugin")
        self.assertTrue(selection.should_rewrite("myplugin", "/p/myplugin/__init__.py", []))
        self.assertTrue(selection.should_rewrite("myplugin.helpers", "/p/myplugin/helpers.py", []))
        self.assertFalse(selection.should_rewrite("myplugin_other", "/p/myplugin_other.py", []))

    def test_names_that_may_be_rewritten(self) -> None:
        """The finder's bailout by name: whatever should_rewrite may accept
        passes, everything else leaves before sys.path is searched."""
        self.assertTrue(selection.may_rewrite("pkg.conftest", self.PATTERNS))
        self.assertTrue(selection.may_rewrite("pkg.test_a", self.PATTERNS))
        self.assertTrue(selection.may_rewrite("check", self.PATTERNS, {"check"}))
        self.assertFalse(selection.may_rewrite("numpy.core.multiarray", self.PATTERNS))
        self.assertFalse(selection.may_rewrite("check", self.PATTERNS))
        # A pattern with a folder, or one a package's __init__.py matches,
        # depends on the path: no bailout.
        self.assertTrue(selection.may_rewrite("numpy", ["tests/*/check.py"]))
        self.assertTrue(selection.may_rewrite("numpy", ["*.py"]))
        selection.register("myplugin")
        self.assertTrue(selection.may_rewrite("myplugin.helpers", self.PATTERNS))

    def test_register_rejects_non_strings(self) -> None:
        with self.assertRaises(TypeError) as caught:
            selection.register("ok", 3)  # type: ignore[arg-type]
        self.assertEqual(str(caught.exception), "expected module names as *args, got ('ok', 3) instead")


if __name__ == "__main__":
    unittest.main()
