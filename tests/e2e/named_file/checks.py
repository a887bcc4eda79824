"""A test file that python_files does not match, named on the command
line: pytest collects it and rewrites its asserts all the same."""


def test_named_on_the_command_line():
    answer = 41
    assert answer == 42
