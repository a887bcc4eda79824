"""A module that fails to import: its collection error is red."""
import module_that_is_not_there  # noqa: F401
