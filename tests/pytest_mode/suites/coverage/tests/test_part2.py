import measured

def test_add_0(resource):
    assert measured.add(0, 2) == 2

def test_add_1(resource):
    assert measured.add(1, 2) == 3

def test_add_2(resource):
    assert measured.add(2, 2) == 4

def test_add_3(resource):
    assert measured.add(3, 2) == 5

def test_add_4(resource):
    assert measured.add(4, 2) == 6

def test_add_5(resource):
    assert measured.add(5, 2) == 7
