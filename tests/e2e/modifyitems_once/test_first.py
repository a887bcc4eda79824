import conftest


def test_hook_ran_once_with_every_item():
    assert conftest.CALLS == ["test_first.py::test_hook_ran_once_with_every_item"]
