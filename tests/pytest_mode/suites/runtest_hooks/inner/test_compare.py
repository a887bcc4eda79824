class Money:
    def __init__(self, amount):
        self.amount = amount

    def __eq__(self, other):
        return self.amount == other.amount


def test_money_explained():
    assert Money(1) == Money(2)


def test_other_comparisons_builtin():
    assert [1, 2] == [1, 3]
