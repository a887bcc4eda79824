import os


def setup_module():
    print("module setup output")


def teardown_module():
    os.write(1, b"module teardown output\n")


def test_after_module_setup():
    print("first in its module")


def test_failing_with_output():
    print("about to fail")
    raise ValueError("boom")
