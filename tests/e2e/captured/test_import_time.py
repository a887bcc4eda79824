"""Code that keeps sys.stdout while it is imported (colorama's tests do)
holds what the tests print to: pytest imports under its capture."""
import sys

import conftest

print("the module prints while it is imported")
STDOUT_AT_IMPORT = sys.stdout


def test_module_kept_the_stdout_tests_see():
    assert sys.stdout is STDOUT_AT_IMPORT


def test_conftest_kept_the_stdout_tests_see():
    assert sys.stdout is conftest.STDOUT_AT_CONFTEST_IMPORT
