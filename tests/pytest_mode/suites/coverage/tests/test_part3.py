import measured

def test_add_0(resource):
    assert measured.add(0, 3) == 3

def test_add_1(resource):
    assert measured.add(1, 3) == 4

def test_add_2(resource):
    assert measured.add(2, 3) == 5

def test_add_3(resource):
    assert measured.add(3, 3) == 6

def test_add_4(resource):
    assert measured.add(4, 3) == 7

def test_add_5(resource):
    assert measured.add(5, 3) == 8

def test_fails():
    total = measured.add(1, 1)
    assert total == 3
