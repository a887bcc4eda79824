def test_inner_is_a_package_of_its_own(request):
    """pytest 7.2 keeps packages flat: the enclosing package is not in this
    test's chain (its __init__ setup and package fixtures do not apply)."""
    chain = [type(node).__name__ for node in request.node.listchain()]
    assert chain == ["Session", "Package", "Module", "Function"]
    assert request.node.parent.parent.nodeid == "pkg/inner/__init__.py"


def test_inner_fails(request):
    assert request.node.parent.parent.parent.name == "pkg"
