import os
import sys

import pytest


def test_sys_exit():
    sys.exit(3)


def test_sys_exit_zero():
    sys.exit(0)


def test_system_exit_in_fixture(exiting):
    pass


@pytest.fixture
def exiting():
    raise SystemExit("from a fixture")


def test_prints_megabytes():
    chunk = "x" * 1023 + "\n"
    for _ in range(2 * 1024):
        sys.stdout.write(chunk)


def test_prints_megabytes_and_fails():
    os.write(1, b"y" * (1024 * 1024))
    assert 0


@pytest.fixture
def cycle_a(cycle_b):
    return 1


@pytest.fixture
def cycle_b(cycle_a):
    return 2


def test_fixture_cycle(cycle_a):
    pass


def test_missing_two(missing_one, missing_two):
    pass


@pytest.fixture
def setup_raises_and_teardown_raises():
    raise KeyError("setup")
    yield


def test_setup_raises(setup_raises_and_teardown_raises):
    pass


@pytest.fixture(scope="module")
def module_fixture_error():
    raise RuntimeError("module fixture broke")


def test_module_fixture_error_a(module_fixture_error):
    pass


def test_module_fixture_error_b(module_fixture_error):
    pass


def test_raises_base_exception_subclass():
    class Custom(BaseException):
        pass

    raise Custom("not an Exception")


def test_after_bad_input_still_runs():
    pass
