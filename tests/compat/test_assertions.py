"""Assertion failures whose explanation depends on -v/-vv: the end-to-end
comparison runs this file at -vv and compares the whole report."""


def test_long_lists_differ():
    assert list(range(20)) == list(range(19)) + [99]


def test_dicts_differ():
    assert {"a": 1, "b": 2, "c": 3} == {"a": 1, "b": 3, "d": 4}


def test_strings_differ():
    assert "the quick brown fox\njumps over\nthe lazy dog" == "the quick brown fox\njumped over\nthe lazy dog"


def test_passes():
    assert (1, 2) == (1, 2)
