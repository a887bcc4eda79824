#!/usr/bin/python3
"""Every name the native engine serves from one of pytest's internal
modules (core/discovery/served_internals.c) is the object pytest's own
module has under that name, and one pytest exports (pytest.NAME), but for
_pytest.outcomes' exception classes, which pytest exports as
pytest.fail.Exception and the like: the installed pytest is the oracle.
The table is read from a native run (each served module's __all__).

    served_internals.py FASTEST
"""
import importlib
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

import pytest  # noqa: E402  the oracle

DUMP_TEST = '''\
import json
import os
import sys


def test_dump_served_modules():
    table = {name: module.__all__ for name, module in list(sys.modules.items())
             if type(module).__name__ == "ServedModule"}
    with open(os.environ["SERVED_DUMP"], "w") as dump:
        json.dump(table, dump)
'''

# What pytest exports the outcomes' exception classes as.
OUTCOME_CLASSES = {
    "Failed": pytest.fail.Exception,
    "Skipped": pytest.skip.Exception,
    "XFailed": pytest.xfail.Exception,
    "Exit": pytest.exit.Exception,
    "OutcomeException": pytest.fail.Exception.__mro__[1],
}


def served_table(fastest, folder):
    with open(os.path.join(folder, "test_dump.py"), "w") as test:
        test.write(DUMP_TEST)
    with open(os.path.join(folder, "pytest.ini"), "w") as ini:
        ini.write("[pytest]\n")
    dump = os.path.join(folder, "served.json")
    environment = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", SERVED_DUMP=dump)
    environment["PATH"] = os.pathsep.join(["/usr/bin", environment.get("PATH", "")])
    done = subprocess.run([fastest, "-p", "no:cacheprovider", "--engine=native"], cwd=folder,
                          env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the native run failed:\n{done.stdout}{done.stderr}")
    with open(dump) as table:
        return json.load(table)


def main():
    fastest = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="fastest-served-") as folder:
        table = served_table(fastest, folder)
    failures = verdict("the native engine serves _pytest.outcomes",
                       [] if "_pytest.outcomes" in table else [f"served: {sorted(table)}"])
    for module_name, names in sorted(table.items()):
        module = importlib.import_module(module_name)
        problems = []
        for name in names:
            exported = OUTCOME_CLASSES.get(name) if module_name == "_pytest.outcomes" else None
            exported = exported or getattr(pytest, name, None)
            if getattr(module, name, None) is not exported or exported is None:
                problems.append(f"{module_name}.{name} is not what pytest exports as {name}")
        failures += verdict(f"{module_name}: {', '.join(names)}", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
