import asyncio
import os

import pytest


def test_mocker(mocker):
    mocker.patch("os.getcwd", return_value="/nowhere")
    assert os.getcwd() == "/nowhere"


def test_spy(mocker):
    spy = mocker.spy(os.path, "join")
    os.path.join("a", "b")
    assert spy.call_count == 2


@pytest.mark.asyncio
async def test_async():
    await asyncio.sleep(0)
    assert True


@pytest.mark.asyncio
async def test_async_fails():
    await asyncio.sleep(0)
    assert 1 == 2
