from _pytest.monkeypatch import MonkeyPatch
import os


def test_monkeypatch_class():
    patch = MonkeyPatch()
    patch.setenv("FASTEST_PM_VALUE", "1")
    try:
        assert os.environ["FASTEST_PM_VALUE"] == "1"
    finally:
        patch.undo()


def test_fails():
    assert os.sep == "\\"
