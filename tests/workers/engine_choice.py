"""The engines a worker test runs a suite under, and the command-line
arguments that choose each: the native engine, and the pytest engine when
/usr/bin/python3 has pytest (pointed at by a `[fastest] python =` config
given with -c, the rootdir kept at the suite)."""
import os
import subprocess

PYTEST_PYTHON = "/usr/bin/python3"


def engines():
    found = subprocess.run([PYTEST_PYTHON, "-c", "import pytest"], capture_output=True)
    return ["native", "pytest"] if found.returncode == 0 else ["native"]


def engine_arguments(engine, scratch, suite):
    """The arguments that select engine for suite (scratch: a folder for
    the config)."""
    if engine == "native":
        return ["--engine", "native"]
    config = os.path.join(scratch, "fastest.ini")
    with open(config, "w") as ini:
        ini.write(f"[fastest]\npython = {PYTEST_PYTHON}\n")
    return ["--engine", "pytest", "-c", config, "--rootdir", suite]
