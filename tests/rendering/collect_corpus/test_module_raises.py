import pytest


def load():
    return {}["config"]


CONFIG = load()
