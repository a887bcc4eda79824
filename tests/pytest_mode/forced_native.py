#!/usr/bin/python3
"""--engine=native refuses a command line that only the pytest engine
runs as pytest does (docs/engines.md, rules 2 to 5): a usage error, exit
4, naming why; the same command line without --engine runs under the
pytest engine, and --engine=native alone runs natively. A suite that
needs the pytest engine for what discovery found in it (a conftest's
hooks, a helper importing _pytest) runs natively when asked, with a
warning naming why.

    forced_native.py FASTEST SOURCE_ROOT
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

# (arguments, environment, what the refusal names)
REFUSED = [
    (["--doctest-modules"], {}, "--doctest-modules"),
    (["--doctest-glob=*.txt"], {}, "--doctest-glob"),
    (["--full-trace"], {}, "--full-trace"),
    (["-p", "no:unittest"], {}, "-p no:unittest"),
    (["--no-such-option"], {}, "--no-such-option is a pytest plugin's option"),
    ([], {"PYTEST_PLUGINS": "no_such_plugin_module"}, "PYTEST_PLUGINS is set"),
]


def run(fastest, suite, args, extra_environment):
    environment = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", **extra_environment)
    environment["PATH"] = os.pathsep.join(["/usr/bin", environment.get("PATH", "")])
    done = subprocess.run([fastest, "-p", "no:cacheprovider", *args], cwd=suite, env=environment,
                          capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def main():
    fastest, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    suite = os.path.join(root, "tests", "pytest_mode", "suites", "plain")
    failures = 0
    for args, environment, named in REFUSED:
        code, output = run(fastest, suite, ["--engine=native", *args], environment)
        problems = []
        if code != 4:
            problems.append(f"exit {code}, not 4")
        if f"--engine=native cannot run this command line as pytest does ({named})" not in output:
            problems.append(f"no refusal naming {named!r}:\n{output}")
        label = " ".join(["--engine=native", *args, *(f"{key}={value}" for key, value in environment.items())])
        failures += verdict(label, problems)
    code, output = run(fastest, suite, ["--engine=native"], {})
    failures += verdict("--engine=native alone", [] if "engine: native (asked for)" in output else [output])
    hooked = os.path.join(root, "tests", "pytest_mode", "suites", "runtestloop")
    code, output = run(fastest, hooked, ["--engine=native"], {})
    warning = ("fastest: warning: --engine=native: conftest.py defines hooks the native engine does "
               "not run; this run may differ from pytest's")
    problems = [] if warning in output and "engine: native (asked for)" in output else [output]
    failures += verdict("--engine=native, a conftest with hooks it does not run", problems)
    # A helper the test module imports reads _pytest: collection finds it.
    internals = os.path.join(root, "tests", "pytest_mode", "suites", "internals")
    code, output = run(fastest, internals, ["--engine=native", "test_helpers_internals.py"], {})
    warning = ("fastest: warning: --engine=native: skipping_helpers.py imports _pytest; this run "
               "may differ from pytest's")
    problems = [] if warning in output and "engine: native (asked for)" in output else [output]
    failures += verdict("--engine=native, a helper importing _pytest", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
