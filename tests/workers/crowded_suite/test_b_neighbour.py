"""The test beside it: running while the hog starts, it takes the memory
the hog needs (a marker file stands for it)."""
import os
import time

CROWD = os.environ["CROWD_DIR"]


def test_runs_beside_it():
    marker = os.path.join(CROWD, "neighbour_running")
    open(marker, "w").close()
    try:
        deadline = time.monotonic() + 10
        while not os.path.exists(os.path.join(CROWD, "hog_started")) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
    finally:
        os.remove(marker)


def test_after_it():
    pass
