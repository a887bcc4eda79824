CALLS = []


def pytest_collection_modifyitems(items):
    # pytest calls it once, with every item: items[0] always exists here.
    CALLS.append(items[0].nodeid)
