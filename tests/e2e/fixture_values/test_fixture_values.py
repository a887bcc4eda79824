"""A failing test's traceback shows the values of its arguments: the
builtin fixtures' objects must print as pytest's do."""


def test_patching_and_capturing(monkeypatch, capsys, caplog, recwarn, request, pytestconfig):
    assert False


def test_fd_capture(capfd):
    assert False


def test_binary_capture(capsysbinary):
    assert False


def test_factories(tmp_path_factory, tmpdir_factory):
    assert False


def test_factories_after_use(tmp_path, tmp_path_factory, tmpdir_factory):
    assert False


def test_recorders(record_property, record_xml_attribute, record_testsuite_property, doctest_namespace):
    assert False
