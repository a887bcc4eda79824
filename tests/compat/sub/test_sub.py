def test_sub_override(shared):
    assert shared == "root-sub"


def test_sub_autouse(request):
    assert request.node.sub_auto


def test_sub_fail(shared):
    assert shared == "nope"
