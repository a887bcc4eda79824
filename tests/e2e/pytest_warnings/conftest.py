"""An initial conftest whose import warns (through a module it imports):
pytest's warnings plugin records it while the initial conftests load, and
the summary shows it first."""
import legacy_helper  # noqa: F401
