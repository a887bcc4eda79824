"""Exceptions Python cannot raise (in __del__) and exceptions that end a
thread: pytest turns each into a warning of the phase it happened in."""
import threading


class RaisesWhenCollected:
    def __del__(self):
        raise ValueError("raised in __del__")


def test_unraisable_exception():
    RaisesWhenCollected()


def test_exception_in_thread():
    def fail():
        raise RuntimeError("raised in a thread")

    thread = threading.Thread(target=fail, name="failing-thread")
    thread.start()
    thread.join()


def test_quiet():
    pass
