"""ExceptionInfo.getrepr: each test prints what pytest.raises caught,
rendered with getrepr's options, and its reprcrash; run with -rA, the
report shows the printed text beside pytest's."""
import os

import pytest


def divide(x):
    return 1 / x


def hidden_helper(x):
    __tracebackhide__ = True
    return divide(x)


def wrap(x):
    try:
        divide(x)
    except ZeroDivisionError as error:
        raise ValueError("wrapped") from error


def show(representation):
    print(str(representation))
    crash = representation.reprcrash
    if crash is None:  # the "value" style's
        print(type(representation).__name__, "no reprcrash")
    else:
        print(type(representation).__name__, os.path.basename(crash.path), crash.lineno, crash.message)


@pytest.mark.parametrize("style", ["long", "short", "line", "no", "native", "value"])
def test_styles(style):
    with pytest.raises(ZeroDivisionError) as excinfo:
        divide(0)
    show(excinfo.getrepr(style=style))


@pytest.mark.parametrize("chain", [True, False])
def test_chained(chain):
    with pytest.raises(ValueError) as excinfo:
        wrap(0)
    show(excinfo.getrepr(chain=chain))


@pytest.mark.parametrize("tbfilter", [True, False])
def test_hidden_frames(tbfilter):
    with pytest.raises(ZeroDivisionError) as excinfo:
        hidden_helper(0)
    show(excinfo.getrepr(tbfilter=tbfilter))


def test_locals_and_arguments():
    with pytest.raises(ZeroDivisionError) as excinfo:
        divide(0)
    show(excinfo.getrepr(showlocals=True, funcargs=True))


def test_failed_assert():
    with pytest.raises(AssertionError) as excinfo:
        assert [1, 2] == [1, 3]
    show(excinfo.getrepr(style="short"))
