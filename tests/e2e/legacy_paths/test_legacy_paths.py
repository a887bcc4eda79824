"""pytest's legacy py.path attributes (its legacypath plugin), which older
suites use to find their data files: they are py.path.local objects, not
pathlib ones (a Path has no dirname, dirpath() or join())."""
import os


def test_request_fspath(request):
    here = request.fspath
    assert here.basename == "test_legacy_paths.py"
    assert here.dirpath().join("pytest.ini").check(file=1)
    assert os.path.join(here.dirname, "pytest.ini") == str(here.dirpath() / "pytest.ini")


def test_node_fspath(request):
    assert request.node.fspath == request.fspath
    assert request.node.parent.fspath.basename == "test_legacy_paths.py"
    assert type(request.node.fspath).__name__ == "LocalPath"


def test_config_paths(pytestconfig):
    assert pytestconfig.rootdir.join("pytest.ini").check()
    assert pytestconfig.inifile.basename == "pytest.ini"
    assert pytestconfig.invocation_dir == pytestconfig.rootdir
    assert str(pytestconfig.rootdir) == str(pytestconfig.rootpath)


def test_session_startdir(request):
    assert request.session.startdir == request.config.rootdir
