import pytest


async def test_coroutine():
    pass


async def test_coroutine_failing():
    assert 0


def test_generator():
    yield 1


class TestGenerators:
    def test_method_generator(self):
        yield


@pytest.mark.parametrize("x", [1, 2])
async def test_async_parametrized(x):
    pass


def test_returns_coroutine():
    async def inner():
        pass

    return inner()
