def test_passes():
    print("captured")


def test_fails():
    assert "left" == "right"
