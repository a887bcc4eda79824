# A name pytest does not export: only the pytest engine has it.
from _pytest.fixtures import FixtureDef


def test_fixture_def_class():
    assert FixtureDef.__name__ == "FixtureDef"
