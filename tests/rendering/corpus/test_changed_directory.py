"""A test that leaves another working directory: paths become absolute."""

import os

import pytest


@pytest.fixture
def elsewhere():
    home = os.getcwd()
    os.chdir(os.path.dirname(home))
    yield
    os.chdir(home)


def test_fails_in_other_directory(elsewhere):
    assert os.getcwd() == "somewhere else"
