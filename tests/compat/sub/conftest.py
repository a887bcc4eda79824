import pytest


@pytest.fixture
def shared(shared):
    return shared + "-sub"


@pytest.fixture(autouse=True)
def sub_auto(request):
    request.node.sub_auto = True
