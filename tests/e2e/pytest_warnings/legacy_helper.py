"""A module that warns when imported, as old libraries do."""
import warnings

warnings.warn("legacy_helper is deprecated", DeprecationWarning)
