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


# The coroutines tests return, kept to the end: freed earlier, the
# "never awaited" RuntimeWarning would land in whichever test runs when the
# garbage collector gets to it, which depends on how much each tool
# allocates, not on what either does with the test.
RETURNED = []


def test_returns_coroutine():
    async def inner():
        pass

    RETURNED.append(inner())
    return RETURNED[-1]
