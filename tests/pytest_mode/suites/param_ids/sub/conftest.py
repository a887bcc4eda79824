"""A conftest loaded later answers first (pluggy calls the latest
registered first), for every test collected after it loads."""


def pytest_make_parametrize_id(config, val, argname):
    if val == 3:
        return "three"
    return None
