import logging
import os
import sys
import warnings
from pathlib import Path

import pytest


def test_tmp_path(tmp_path):
    assert isinstance(tmp_path, Path) and tmp_path.is_dir()
    (tmp_path / "f.txt").write_text("x")
    assert oct(tmp_path.stat().st_mode & 0o777) == "0o700"


def test_tmp_path_unique(tmp_path):
    assert list(tmp_path.iterdir()) == []


def test_tmpdir(tmpdir):
    tmpdir.join("a.txt").write("hello")
    assert tmpdir.join("a.txt").read() == "hello"


def test_tmp_path_factory(tmp_path_factory):
    first = tmp_path_factory.mktemp("data")
    second = tmp_path_factory.mktemp("data")
    assert first != second and first.name.startswith("data")


def test_tmpdir_factory(tmpdir_factory):
    assert tmpdir_factory.mktemp("legacy").check(dir=1)


def test_tmp_path_fails(tmp_path):
    assert not tmp_path.exists()


def test_monkeypatch_setattr(monkeypatch):
    monkeypatch.setattr(os, "getcwd", lambda: "/nowhere")
    assert os.getcwd() == "/nowhere"


def test_monkeypatch_undone():
    assert os.getcwd() != "/nowhere"


def test_monkeypatch_env(monkeypatch):
    monkeypatch.setenv("FASTEST_COMPAT_VAR", "1")
    monkeypatch.delenv("HOME", raising=False)
    assert os.environ["FASTEST_COMPAT_VAR"] == "1" and "HOME" not in os.environ


def test_monkeypatch_env_undone():
    assert "FASTEST_COMPAT_VAR" not in os.environ


def test_monkeypatch_missing_attribute(monkeypatch):
    monkeypatch.setattr(os, "no_such_attribute", 1)


def test_monkeypatch_delenv_missing(monkeypatch):
    monkeypatch.delenv("FASTEST_NO_SUCH_VARIABLE")


def test_monkeypatch_item_and_syspath(monkeypatch, tmp_path):
    data = {"a": 1}
    monkeypatch.setitem(data, "a", 2)
    monkeypatch.delitem(data, "a")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert data == {} and sys.path[0] == str(tmp_path) and os.getcwd() == str(tmp_path)


def test_monkeypatch_string_target(monkeypatch):
    monkeypatch.setattr("os.sep", "|")
    assert os.sep == "|"


def test_capsys(capsys):
    print("out")
    sys.stderr.write("err\n")
    captured = capsys.readouterr()
    assert captured.out == "out\n" and captured.err == "err\n"


def test_capsys_disabled(capsys):
    with capsys.disabled():
        pass
    print("after")
    assert capsys.readouterr().out == "after\n"


def test_capsysbinary(capsysbinary):
    sys.stdout.buffer.write(b"\xff")
    assert capsysbinary.readouterr().out == b"\xff"


def test_capfd(capfd):
    os.write(1, b"fd out\n")
    os.write(2, b"fd err\n")
    captured = capfd.readouterr()
    assert captured == ("fd out\n", "fd err\n")


def test_capfdbinary(capfdbinary):
    os.write(1, b"\x00bin")
    assert capfdbinary.readouterr().out == b"\x00bin"


def test_capsys_and_capfd(capsys, capfd):
    pass


def test_capsys_failure_shows_output(capsys):
    print("visible in the report")
    assert False


def test_caplog(caplog):
    logging.getLogger("compat").warning("careful")
    assert caplog.record_tuples == [("compat", logging.WARNING, "careful")]
    assert "careful" in caplog.text


def test_caplog_set_level(caplog):
    caplog.set_level(logging.DEBUG, logger="compat.debug")
    logging.getLogger("compat.debug").debug("detail")
    assert caplog.messages == ["detail"]


def test_caplog_at_level(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger().info("info")
    assert [r.levelname for r in caplog.records] == ["INFO"]


def test_caplog_failure_shows_log():
    logging.getLogger("compat").error("logged before failing")
    assert 0


def test_recwarn(recwarn):
    warnings.warn("recorded", UserWarning)
    assert len(recwarn) == 1 and recwarn.pop(UserWarning).message.args == ("recorded",)


def test_recwarn_empty(recwarn):
    assert recwarn.list == []


def test_request_attributes(request):
    assert request.function is test_request_attributes
    assert request.cls is None and request.module is sys.modules[__name__]
    assert request.node.name == "test_request_attributes" and request.scope == "function"
    assert request.config is not None and request.fixturename is None


def test_request_getfixturevalue(request):
    assert request.getfixturevalue("tmp_path").is_dir()


def test_request_getfixturevalue_missing(request):
    request.getfixturevalue("no_such_fixture")


def test_request_addfinalizer(request):
    calls = []
    request.addfinalizer(lambda: calls.append(1))
    assert calls == []


def test_pytestconfig(pytestconfig):
    assert pytestconfig.getini("markers")
    assert pytestconfig.rootpath.name == "compat"


def test_record_property(record_property):
    record_property("answer", 42)


def test_record_testsuite_property(record_testsuite_property):
    record_testsuite_property("suite", "compat")


def test_doctest_namespace(doctest_namespace):
    doctest_namespace["np"] = None
    assert "np" in doctest_namespace

