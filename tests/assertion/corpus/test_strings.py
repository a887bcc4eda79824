"""Failing string comparisons: diffs, skipping, whitespace, containment."""


def test_short_strings():
    assert "spam" == "eggs"


def test_multiline_strings():
    left = "line one\nline two\nline three\n"
    right = "line one\nline 2\nline three\n"
    assert left == right


def test_long_common_prefix():
    left = "a" * 100 + "X" + "b" * 5
    right = "a" * 100 + "Y" + "b" * 5
    assert left == right


def test_long_common_suffix():
    left = "X" + "z" * 100
    right = "Y" + "z" * 100
    assert left == right


def test_long_prefix_and_suffix():
    left = "p" * 60 + "X" + "s" * 60
    right = "p" * 60 + "Y" + "s" * 60
    assert left == right


def test_whitespace_only():
    assert " " == "  "


def test_trailing_newline():
    assert "abc\n" == "abc"


def test_unicode_normalisation():
    assert "\u00e9" == "e\u0301"


def test_not_in_text():
    text = "the quick brown fox"
    assert "quick" not in text


def test_not_in_long_text():
    text = "x" * 100 + "needle" + "y" * 100
    assert "needle" not in text


def test_in_text():
    assert "bird" in "the quick brown fox"


def test_string_not_equal():
    assert "a" != "a"


def test_long_string_repr_truncated():
    left = "word " * 100
    assert left == "word"


def test_many_lines_truncated():
    left = "\n".join(str(i) for i in range(30))
    right = "\n".join(str(i * 2) for i in range(30))
    assert left == right


def test_bytes():
    assert b"spam" == b"spat"


def test_bytes_length():
    assert b"spam" == b"spamspam"


def test_newline_in_repr_escaped():
    class Weird:
        def __repr__(self):
            return "multi\nline"

    assert Weird() == 1
