def test_relabelled():
    print("output of the relabelled test")


def test_sub_fails():
    raise ValueError("in sub")
