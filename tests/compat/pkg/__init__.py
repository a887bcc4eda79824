"""A test package: pytest runs this setup_module once, before its first test."""
EVENTS = []


def setup_module(module):
    EVENTS.append("package setup")


def teardown_module(module):
    EVENTS.append("package teardown")
