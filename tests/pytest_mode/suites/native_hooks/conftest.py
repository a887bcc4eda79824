"""Only the hooks the native engine runs: options of every kind, ini keys,
markers registered for --strict-markers, items skipped, deselected and
reordered, tests generated, a warning from a hook, pytest's own options
read by option name."""
import warnings

import pytest


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")
    group = parser.getgroup("native", "options of the native_hooks suite")
    group.addoption("--level", type=int, default=1, choices=[1, 2, 3])
    group.addoption("--name", dest="who", default="world")
    group.addoption("--tag", action="append", default=[])
    group.addoption("--loud", action="count")
    group.addoption("--no-drop", action="store_false", dest="drop")
    parser.getgroup("general").addoption("--shout", action="store_true", help="an option in pytest's own group")
    parser.addini("flavour", "a flavour")
    parser.addini("colours", "colours", type="linelist", default=["red"])


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a slow test")
    config.addinivalue_line("markers", "late: runs last")
    config.addinivalue_line("markers", "seen: pytest_itemcollected saw the item")
    # A warning filter added here applies to every test (pytest reads the
    # ini lines per test).
    config.addinivalue_line("filterwarnings", "error:configured:UserWarning")


def pytest_collection_modifyitems(session, config, items):
    if not config.getoption("--runslow"):
        skip_slow = pytest.mark.skip(reason="need --runslow option to run")
        for item in items:
            if "slow" in item.keywords:
                item.add_marker(skip_slow)
    if config.option.drop:
        dropped = [item for item in items if item.name.startswith("test_dropped")]
        items[:] = [item for item in items if item not in dropped]
        config.hook.pytest_deselected(items=dropped)
    items.sort(key=lambda item: item.get_closest_marker("late") is not None)
    # Recorded by pytest's warnings plugin, shown in the summary.
    warnings.warn(UserWarning("modifyitems sorted the items"))


@pytest.fixture
def option_values(pytestconfig):
    """The options as text: a failing comparison shows the same diff in
    either tool (pytestconfig's own repr names its class)."""
    option = pytestconfig.option
    return f"who={pytestconfig.getoption('who')} tag={option.tag} loud={option.loud} level={pytestconfig.getoption('--level')}"


@pytest.fixture
def builtin_option_values(pytestconfig):
    """pytest's own options found by option name (whose dest may differ:
    --doctest-modules is doctestmodules, -x is maxfail), with their types;
    --lf is unknown when -p no:cacheprovider blocks its plugin."""
    names = ["--doctest-modules", "-x", "--durations", "--durations-min", "--no-header", "-v", "--capture"]
    values = " ".join(f"{name}={pytestconfig.getoption(name)!r}" for name in names)
    return f"{values} lf={pytestconfig.getoption('--lf', 'unknown')} junitxml={pytestconfig.getoption('--junitxml') is not None}"


@pytest.fixture
def ini_values(pytestconfig):
    return f"flavour={pytestconfig.getini('flavour')} colours={pytestconfig.getini('colours')}"


def pytest_generate_tests(metafunc):
    if "number" in metafunc.fixturenames:
        metafunc.parametrize("number", range(metafunc.config.getoption("level") + 1))


def pytest_itemcollected(item):
    # Before pytest_collection_modifyitems: -m sees the mark.
    item.add_marker("seen")
    item.user_properties.append(("collected_as", item.name))
