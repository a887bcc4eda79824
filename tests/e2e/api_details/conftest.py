import os

import pytest

# Module code of an initial conftest runs before pytest's own plugins are
# configured: pytest.mark does not check names yet, so neither a builtin
# mark nor the one this conftest registers below is unknown here.
USED_AT_IMPORT = (pytest.mark.skipif(False, reason="never"), pytest.mark.api_details)
os.environ["API_DETAILS_CONFTEST_IMPORTS"] = str(int(os.environ.get("API_DETAILS_CONFTEST_IMPORTS", "0")) + 1)

MARKERS_AT_CONFIGURE = []


def pytest_configure(config):
    config.addinivalue_line("markers", "api_details: registered by this conftest")
    MARKERS_AT_CONFIGURE.extend(config.getini("markers"))
