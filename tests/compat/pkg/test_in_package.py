import pytest

from . import EVENTS


def setup_module():
    EVENTS.append("module setup")


def test_package_setup_ran_first():
    assert EVENTS[:2] == ["package setup", "module setup"]


def test_relative_import_works():
    from .helpers import helper

    assert helper() == 3


class TestInPackage:
    def setup_method(self, method):
        self.value = method.__name__

    def test_method_setup(self):
        assert self.value == "test_method_setup"

    def test_fails(self):
        assert self.value == "other"


@pytest.fixture(scope="package")
def package_counter():
    return []


def test_package_scope_a(package_counter):
    package_counter.append(1)
    assert package_counter == [1]


def test_package_scope_b(package_counter):
    assert package_counter == [1]
