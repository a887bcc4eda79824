import sys
import pytest


def test_pass():
    assert True


def test_fail():
    assert 1 == 2


def test_error_in_fixture(broken):
    pass


@pytest.fixture
def broken():
    raise RuntimeError("boom")


@pytest.fixture
def teardown_broken():
    yield 1
    raise RuntimeError("teardown boom")


def test_teardown_error(teardown_broken):
    pass


def test_fail_and_teardown_error(teardown_broken):
    assert 0


def test_missing_fixture(nonexistent):
    pass


def test_skip_call():
    pytest.skip("inside")


@pytest.mark.skip(reason="marked")
def test_skip_mark():
    pass


@pytest.mark.skipif(True, reason="bool")
def test_skipif_bool():
    pass


@pytest.mark.skipif("sys.platform != 'nonexistent'")
def test_skipif_string():
    pass


@pytest.mark.skipif(False, reason="no")
def test_skipif_false():
    pass


@pytest.mark.xfail
def test_xfail():
    assert 0


@pytest.mark.xfail
def test_xpass():
    pass


@pytest.mark.xfail(strict=True)
def test_xpass_strict():
    pass


@pytest.mark.xfail(raises=ValueError)
def test_xfail_wrong_raises():
    raise TypeError


@pytest.mark.xfail(raises=ValueError)
def test_xfail_right_raises():
    raise ValueError


@pytest.mark.xfail(run=False, reason="no run")
def test_xfail_norun():
    pass


@pytest.mark.xfail(False, reason="cond false")
def test_xfail_cond_false():
    assert 0


def test_xfail_call():
    pytest.xfail("imperative")


def test_fail_call():
    pytest.fail("explicit", pytrace=False)


def test_sys_exit():
    sys.exit(3)


def test_raises_ok():
    with pytest.raises(ValueError, match="bad"):
        raise ValueError("bad value")


def test_raises_missing():
    with pytest.raises(ValueError):
        pass


def test_raises_callable():
    info = pytest.raises(ZeroDivisionError, lambda: 1 / 0)
    assert info.type is ZeroDivisionError


def test_warns():
    import warnings

    with pytest.warns(UserWarning):
        warnings.warn("x", UserWarning)


def test_deprecated_call():
    import warnings

    with pytest.deprecated_call():
        warnings.warn("old", DeprecationWarning)


def test_approx():
    assert 0.1 + 0.2 == pytest.approx(0.3)
    assert [0.1 + 0.2, 1] == pytest.approx([0.3, 1])
    assert {"a": 0.1 + 0.2} == pytest.approx({"a": 0.3})


def test_approx_fails():
    assert 1.0 == pytest.approx(1.1)


def test_returns_value():
    return 5


def generator_test_helper():
    pass


def test_generator():
    yield 1


async def test_async():
    pass


def test_importorskip():
    pytest.importorskip("module_that_does_not_exist_xyz")


def test_shared_from_conftest(shared, session_value):
    assert shared == "root" and session_value == [1]


def test_generated(generated):
    assert generated in (10, 20)


@pytest.mark.slow
def test_custom_mark():
    pass


def test_unittest_skiptest():
    import unittest

    raise unittest.SkipTest("ut skip")
