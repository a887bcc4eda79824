from fixture_defs import FIXTURE_DEF_NAME


def test_helper_read_fixture_def():
    assert FIXTURE_DEF_NAME == "FixtureDef"
