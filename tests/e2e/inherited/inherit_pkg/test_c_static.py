import pytest


# Parameter ids holding ':', '::' and '[' must not confuse the node id's
# parts.
@pytest.mark.parametrize("where", ["c:d", "a::b", "x[y]"])
def test_colon_ids(where):
    assert where != "a::b"
