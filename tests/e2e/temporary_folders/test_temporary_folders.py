"""tmp_path_factory.mktemp's check that a name stays right inside the base
folder: plain names, paths, dot names, absolute paths, and a symbolic link
pointing back inside the base folder (which passes the check)."""
import os

import pytest


@pytest.mark.parametrize("name", ["plain", "a/b", "..", "../x", "/abs", "", ".", "sub/../up"])
def test_mktemp_names(tmp_path_factory, name):
    try:
        made = tmp_path_factory.mktemp(name, numbered=False)
        print("made", made.relative_to(tmp_path_factory.getbasetemp()))
    except ValueError as error:
        print("ValueError", error)


def test_symbolic_link_inside(tmp_path_factory, tmp_path):
    os.symlink(str(tmp_path), os.path.join(str(tmp_path_factory.getbasetemp()), "inside"))
    print("made", tmp_path_factory.mktemp("inside").name)


def test_numbered(tmp_path_factory):
    print(tmp_path_factory.mktemp("n").name, tmp_path_factory.mktemp("n").name)
