"""The clocks fastest reads, bound as fastest starts: a test that replaces
``time.time`` or ``time.perf_counter`` (freezegun, a mock, a monkeypatch
still active as its call phase ends) changes neither its report's times
nor the run's, and cannot break them, as pytest's ``_pytest/timing.py``
keeps pytest's."""
from time import perf_counter, time

__all__ = ["perf_counter", "time"]
