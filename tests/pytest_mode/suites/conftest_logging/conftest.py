# Loaded under pytest's global capture: basicConfig's handler writes to
# pytest's sys.stderr, the capture's file, in every process that runs
# tests (a forked worker must keep it working). The other hook sends the
# run to the pytest engine.
import logging

logging.basicConfig(format="conftest's handler: %(message)s")


def pytest_collectreport(report):
    pass
