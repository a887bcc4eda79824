import measured

def test_add_0(resource):
    assert measured.add(0, 0) == 0

def test_add_1(resource):
    assert measured.add(1, 0) == 1

def test_add_2(resource):
    assert measured.add(2, 0) == 2

def test_add_3(resource):
    assert measured.add(3, 0) == 3

def test_add_4(resource):
    assert measured.add(4, 0) == 4

def test_add_5(resource):
    assert measured.add(5, 0) == 5

def test_difference():
    assert measured.difference(5, 2) == 3
