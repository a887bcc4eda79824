import pytest


def test_addition():
    assert 1 + 1 == 2


def test_basket(basket):
    assert basket == ["apples"]


@pytest.mark.parametrize("word, length", [("fast", 4), ("fastest", 7), ("", 0)])
def test_length(word, length):
    assert len(word) == length


class TestInventory:
    def test_has_apples(self, inventory):
        assert inventory["apples"] == 3

    @pytest.mark.skip(reason="pears are out of season")
    def test_has_pears(self, inventory):
        assert inventory["pears"] > 0

    @pytest.mark.xfail(reason="nobody sells durian here", strict=True)
    def test_has_durian(self, inventory):
        assert inventory["durian"]


def test_tmp_path(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("hello")
    assert note.read_text() == "hello"


def test_capsys(capsys):
    print("captured")
    assert capsys.readouterr().out == "captured\n"
