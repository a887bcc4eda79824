"""An ini file with keys nobody declares: pytest warns about each (a key a
conftest declares is known), once collection is done."""


def test_declared_key(pytestconfig):
    assert pytestconfig.getini("declared_by_conftest") == "3"
