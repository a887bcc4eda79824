"""An enclosing package: pytest 7.2 runs this setup only for the tests
directly in it, not for those of its subpackage (packages are flat)."""
EVENTS = []


def setup_module(module):
    EVENTS.append("outer setup")


def teardown_module(module):
    EVENTS.append("outer teardown")
