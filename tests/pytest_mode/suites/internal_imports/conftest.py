import os
from typing import TYPE_CHECKING

import pytest
from _pytest.config import Config
from _pytest.fixtures import FixtureRequest
from _pytest.monkeypatch import MonkeyPatch
from _pytest.outcomes import importorskip as importorskip_outcome

if TYPE_CHECKING:
    # Not a name pytest exports, for type checkers only: never imported.
    from _pytest.fixtures import SubRequest


def pytest_configure(config: Config) -> None:
    config.addinivalue_line("markers", "typed: registered by a typed conftest")


@pytest.fixture
def json_module():
    return importorskip_outcome("json")


@pytest.fixture
def patched_environment(request: FixtureRequest):
    patch = MonkeyPatch()
    patch.setenv("FASTEST_INTERNAL_IMPORTS", request.node.name)
    yield os.environ["FASTEST_INTERNAL_IMPORTS"]
    patch.undo()


@pytest.fixture(params=["typed"])
def parametrized(request: "SubRequest") -> str:
    return request.param
