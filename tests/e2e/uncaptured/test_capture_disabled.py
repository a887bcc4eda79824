"""capsys.disabled() writes straight to the terminal, after the progress
that came before it."""


def test_first(capsys):
    print("captured")
    with capsys.disabled():
        print("past the capture, first test")
    assert capsys.readouterr().out == "captured\n"


def test_between():
    pass


def test_second(capfd):
    with capfd.disabled():
        print("past the capture, second test")
