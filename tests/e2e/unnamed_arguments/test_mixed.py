import pytest


class TestA:
    def test_m(self):
        pass


# Its parameter's id is known only at import: the file is left to it.
@pytest.mark.parametrize("value", [object()])
def test_dynamic(value):
    pass
