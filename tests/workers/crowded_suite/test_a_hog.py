"""A test that needs the machine to itself, as one that needs most of its
memory does: beside another test it is killed with SIGKILL (as the
kernel's out-of-memory killer ends a process), alone it passes. Each run
adds a line to $CROWD_DIR/hog_runs."""
import os
import signal
import time

CROWD = os.environ["CROWD_DIR"]


def test_needs_the_machine():
    with open(os.path.join(CROWD, "hog_runs"), "a") as log:
        log.write("run\n")
    open(os.path.join(CROWD, "hog_started"), "w").close()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        if os.path.exists(os.path.join(CROWD, "neighbour_running")):
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.01)
