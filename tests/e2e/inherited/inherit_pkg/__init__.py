"""Tests a test class inherits from a base class in another module: static
discovery cannot see them, so its module is imported even by
--collect-only, and listed in file order with the static ones."""
import pytest


class Base:
    def test_inherited(self):
        pass

    # Reported where it is defined: this file, this line (-rs, JUnit).
    @pytest.mark.skip(reason="skipped where it is defined")
    def test_inherited_skip(self):
        pass

    @pytest.mark.parametrize("where", ["c:d", "a::b", "x[y]"])
    def test_inherited_ids(self, where):
        assert where
