"""A project's test helper raising pytest's outcomes from _pytest.outcomes,
as sympy's sympy/testing/pytest.py does (its warns() raises Failed)."""
import warnings

from _pytest.outcomes import Failed, Skipped


def expect_warning(function, category):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        function()
    if not any(issubclass(warning.category, category) for warning in caught):
        raise Failed(f"DID NOT WARN {category.__name__}")


def skip_without(condition, reason):
    if not condition:
        raise Skipped(reason)
