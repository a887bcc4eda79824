import os
import sys

import pytest


@pytest.fixture
def noisy():
    print("fixture setup out")
    sys.stderr.write("fixture setup err\n")
    yield 5
    print("fixture teardown out")


def test_print():
    print("hello from the test")


def test_stderr():
    print("to stderr", file=sys.stderr)


def test_fd_write():
    os.write(1, b"fd one\n")
    os.write(2, b"fd two\n")


def test_mixed_order():
    print("first", flush=True)
    os.write(1, b"second\n")
    print("third")


def test_subprocess_output():
    os.system("echo from a child process")


def test_fixture_phases(noisy):
    print("call out", noisy)


def test_failing_with_output():
    print("before failing")
    assert False


def test_unicode_and_no_newline():
    sys.stdout.write("héllo ☃ no newline")


def test_capsys_reads(capsys):
    print("read me")
    sys.stderr.write("and me\n")
    captured = capsys.readouterr()
    assert captured == ("read me\n", "and me\n")
    assert captured.out == "read me\n"
    print("left unread")


def test_capsys_fixture_output(noisy, capsys):
    print("after the fixture")
    assert capsys.readouterr().out == "after the fixture\n"


def test_capsys_repr(capsys):
    print("x")
    result = capsys.readouterr()
    assert repr(result) == "CaptureResult(out='x\\n', err='')"
    assert result._replace(err="e") == ("x\n", "e")
    assert result.count("x\n") == 1 and result.index("") == 1


def test_capsys_misses_fd(capsys):
    os.write(1, b"fd bypasses capsys\n")
    assert capsys.readouterr().out == ""


def test_capfd_reads(capfd):
    os.write(1, b"raw fd\n")
    print("python print")
    out, err = capfd.readouterr()
    assert out == "raw fd\npython print\n"
    assert err == ""


def test_capsysbinary(capsysbinary):
    print("bytes please")
    assert capsysbinary.readouterr().out == b"bytes please\n"


def test_capfdbinary(capfdbinary):
    os.write(2, b"\xff\xfe binary\n")
    assert capfdbinary.readouterr().err == b"\xff\xfe binary\n"


def test_capsys_disabled(capsys):
    print("captured")
    with capsys.disabled():
        print("shown on the terminal")
    assert capsys.readouterr().out == "captured\n"


def test_two_capture_fixtures(capsys, capfd):
    pass


def test_stdin_read_fails():
    with pytest.raises(OSError, match="reading from stdin while output is captured"):
        sys.stdin.read()


def test_input_fails():
    with pytest.raises(OSError):
        input()


def test_stdin_is_not_a_tty():
    assert not sys.stdin.isatty()


def test_binary_buffer_write():
    sys.stdout.buffer.write(b"through the buffer\n")
    sys.stdout.flush()
