"""A test that runs pytest itself, as numpy's np.test() does: pytest.main
is the installed pytest's, whatever engine runs the outer test."""
import pytest


def test_inner_session(tmp_path):
    (tmp_path / "test_inner.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef value():\n    return 2\n\n\n"
        "def test_passes(value):\n    assert value == 2\n\n\n"
        "def test_fails():\n    assert 1 == 2\n"
    )
    assert pytest.main(["-q", "-p", "no:cacheprovider", str(tmp_path)]) == 1


def test_light_api_after_it():
    with pytest.raises(ZeroDivisionError):
        1 / 0
