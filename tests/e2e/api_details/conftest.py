MARKERS_AT_CONFIGURE = []


def pytest_configure(config):
    config.addinivalue_line("markers", "api_details: registered by this conftest")
    MARKERS_AT_CONFIGURE.extend(config.getini("markers"))
