"""Typed test code: fixtures annotated with pytest's public types, which
Python evaluates when it defines each function, so a missing name is an
import error for the whole module."""
import logging

import pytest


def test_capsys(capsys: pytest.CaptureFixture[str]) -> None:
    print("hi")
    assert capsys.readouterr().out == "hi\n"
    assert isinstance(capsys, pytest.CaptureFixture)


def test_capsysbinary(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    print("hi")
    assert capsysbinary.readouterr().out == b"hi\n"


def test_caplog(caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger().warning("careful")
    assert "careful" in caplog.text
    assert isinstance(caplog, pytest.LogCaptureFixture)


def test_tmp_path_factory(tmp_path_factory: pytest.TempPathFactory) -> None:
    assert tmp_path_factory.mktemp("made").is_dir()
    assert isinstance(tmp_path_factory, pytest.TempPathFactory)


def test_tmpdir_factory(tmpdir_factory: pytest.TempdirFactory) -> None:
    assert isinstance(tmpdir_factory, pytest.TempdirFactory)


def test_monkeypatch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYPED_FIXTURES", "1")
    assert isinstance(monkeypatch, pytest.MonkeyPatch)


def test_request_and_config(request: pytest.FixtureRequest, pytestconfig: pytest.Config) -> None:
    assert request.config is pytestconfig
    assert isinstance(pytestconfig.pluginmanager, pytest.PytestPluginManager)


def test_stash(request: pytest.FixtureRequest) -> None:
    key = pytest.StashKey[int]()
    request.node.stash[key] = 1
    assert request.node.stash[key] == 1
    assert key in request.node.stash


def test_exit_codes() -> None:
    assert [int(code) for code in pytest.ExitCode] == [0, 1, 2, 3, 4, 5]
    assert pytest.ExitCode.TESTS_FAILED == 1
    assert pytest.ExitCode(5).name == "NO_TESTS_COLLECTED"


def test_cache_type() -> None:
    assert pytest.Cache.__name__ == "Cache"
    assert pytest.Stash.__name__
