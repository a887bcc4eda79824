"""A helper importing a name pytest does not export from a module the
native engine serves others of: found as the native engine collects."""
from _pytest.fixtures import FixtureDef

FIXTURE_DEF_NAME = FixtureDef.__name__
