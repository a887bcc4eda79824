from outer import EVENTS


def test_outer_chain(request, package_resource):
    chain = [(type(node).__name__, node.nodeid) for node in request.node.listchain()]
    print(chain, EVENTS)
    assert chain[1] == ("Package", "outer/__init__.py")


def test_outer_resource_shared(package_resource):
    print(EVENTS)
    assert EVENTS.count("resource setup") == 1
