from outer import EVENTS


def test_inner_chain(request, package_resource):
    chain = [(type(node).__name__, node.nodeid) for node in request.node.listchain()]
    print(chain, EVENTS)
    assert [name for name, _ in chain] == ["Session", "Package", "Module", "Function"]


def test_inner_events():
    print(EVENTS)
    assert "outer setup" not in EVENTS[-2:]
