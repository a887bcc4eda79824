"""The error a collector raises to report a collection problem with a
message of its own (pytest's Collector.CollectError)."""


class CollectError(Exception):
    """Collection failed; ``str(error)`` is the report text."""
