def test_in_subdir():
    print("sub out")


def test_in_subdir_fails():
    x = {"a": 1}
    assert x["a"] == 2
