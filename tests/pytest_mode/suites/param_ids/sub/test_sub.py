import pytest


@pytest.mark.parametrize("n", [1, 3, {"k": 1}])
def test_numbers(n):
    pass
