import sys

import pytest

condition_in_module = True


@pytest.mark.skipif("condition_in_module", reason="module namespace")
def test_skipif_module_namespace():
    pass


@pytest.mark.skipif("config.getini('markers')", reason="config in namespace")
def test_skipif_config():
    pass


@pytest.mark.skipif(sys.version_info < (3, 0), reason="never")
def test_skipif_version():
    pass


@pytest.mark.skipif("undefined_name")
def test_skipif_bad_expression():
    pass


@pytest.mark.xfail(raises=ValueError)
def test_xfail_raises_matching():
    raise ValueError()


@pytest.mark.xfail(raises=ValueError)
def test_xfail_raises_other():
    raise TypeError()


@pytest.mark.xfail(strict=True, reason="strict")
def test_xfail_strict_xpass():
    pass


@pytest.mark.xfail(run=False, reason="not run")
def test_xfail_not_run():
    raise SystemExit("would stop everything")


@pytest.mark.xfail("sys.platform == 'nonexistent'", reason="condition false")
def test_xfail_condition_false_fails():
    assert 0


@pytest.mark.xfail(condition=True, reason="condition true")
def test_xfail_condition_true():
    assert 0


def test_xfail_imperative():
    pytest.xfail("imperative")


def test_fail_imperative():
    pytest.fail("imperative failure")


def test_fail_no_traceback():
    pytest.fail("no traceback", pytrace=False)


def test_importorskip_missing():
    pytest.importorskip("no_such_module_anywhere")


def test_importorskip_present():
    assert pytest.importorskip("os").sep


def test_importorskip_minversion():
    pytest.importorskip("pytest", minversion="999")


@pytest.mark.custom_unregistered
def test_unregistered_mark():
    pass


@pytest.mark.slow
@pytest.mark.skip(reason="stacked")
def test_stacked_marks():
    pass


class TestClassMarks:
    pytestmark = [pytest.mark.xfail(reason="class xfail")]

    def test_in_xfail_class(self):
        assert 0

    def test_xpass_in_class(self):
        pass


@pytest.mark.usefixtures("tmp_path", "recorded")
def test_usefixtures_mark():
    assert RECORDED == ["recorded"]


RECORDED = []


@pytest.fixture
def recorded():
    RECORDED.append("recorded")


def test_raises_match():
    with pytest.raises(ValueError, match=r"bad \d"):
        raise ValueError("bad 7")


def test_raises_no_match():
    with pytest.raises(ValueError, match="good"):
        raise ValueError("bad")


def test_raises_not_raised():
    with pytest.raises(KeyError):
        pass


def test_warns():
    import warnings

    with pytest.warns(UserWarning, match="w"):
        warnings.warn("w", UserWarning)


def test_warns_not_warned():
    with pytest.warns(UserWarning):
        pass


def test_deprecated_call():
    import warnings

    with pytest.deprecated_call():
        warnings.warn("old", DeprecationWarning)


def test_approx():
    assert 0.1 + 0.2 == pytest.approx(0.3)
    assert [1.0, 2.0] == pytest.approx([1.0000001, 2.0])


def test_approx_fails():
    assert 1.0 == pytest.approx(1.1)


# An xfail mark a test adds while it runs: pytest looks for one again
# after the call when the item had none before it.
def test_xfail_added_in_call_fails(request):
    request.node.add_marker(pytest.mark.xfail(reason="added in the call"))
    assert False


def test_xfail_added_in_call_passes(request):
    request.node.add_marker(pytest.mark.xfail(reason="added in the call"))


def test_xfail_strict_added_in_call_passes(request):
    request.applymarker(pytest.mark.xfail(reason="added, strict", strict=True))


def test_xfail_added_in_call_other_exception(request):
    request.applymarker(pytest.mark.xfail(raises=ValueError))
    raise TypeError("not the expected one")


@pytest.fixture
def marks_xfail(request):
    request.node.add_marker(pytest.mark.xfail(reason="added by a fixture"))


def test_xfail_added_by_fixture(marks_xfail):
    assert False
