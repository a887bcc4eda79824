#!/usr/bin/env python3
"""config.getini under fastest's native engine gives what pytest's gives:
for every ini key pytest itself declares (the key list is asked of the
pytest installed here), set in the ini file or not, and for a key nobody
declares (pytest's ValueError); also with builtin plugins blocked by
``-p no:NAME``, which takes their keys away. And an ini file with a key
nobody declares under ``--strict-config``: pytest's exit code and message.

    ini_values.py FASTEST
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from suite_files import write_suite  # noqa: E402
from verdict import verdict  # noqa: E402

DECLARED_KEYS = """\
import json
from _pytest.config import _prepareconfig
config = _prepareconfig([], None)
print(json.dumps(sorted(config._parser._inidict)))
config._ensure_unconfigure()
"""

TEST = """\
import json
import os


def test_record_ini_values(pytestconfig):
    values = {}
    for name in json.loads(os.environ["INI_KEYS"]) + ["declared_by_nobody"]:
        try:
            values[name] = repr(pytestconfig.getini(name))
        except Exception as error:
            values[name] = f"{type(error).__name__}: {error}"
    with open(os.environ["INI_VALUES"], "w") as out:
        json.dump(values, out, indent=1, sort_keys=True)
"""

INI = "[pytest]\nxfail_strict = true\nmarkers =\n    slow: slow tests\nnorecursedirs = build\n"
BLOCKED = ["-p", "no:logging", "-p", "no:junitxml", "-p", "no:doctest", "-p", "no:faulthandler"]


def recorded(command, suite, env, out):
    run = subprocess.run(command, cwd=suite, env=dict(env, INI_VALUES=out), capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stdout + run.stderr
    with open(out) as values:
        return json.load(values), ""


def main():
    fastest = os.path.abspath(sys.argv[1])
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    keys = subprocess.run([sys.executable, "-c", DECLARED_KEYS], env=env, capture_output=True, text=True,
                          check=True, cwd=tempfile.gettempdir()).stdout
    env["INI_KEYS"] = keys
    failures = 0
    for ini, described in (("[pytest]\n", "no ini values"), (INI, "ini values set")):
        for blocked in ([], BLOCKED):
            with tempfile.TemporaryDirectory(prefix="fastest-ini-values-") as suite:
                write_suite(suite, {"pytest.ini": ini, "test_ini.py": TEST})
                args = ["-p", "no:cacheprovider", *blocked]
                oracle, pytest_output = recorded([sys.executable, "-m", "pytest", *args], suite, env,
                                                 os.path.join(suite, "pytest.json"))
                seen, fastest_output = recorded([fastest, *args], suite, env, os.path.join(suite, "fastest.json"))
            problems = []
            if oracle is None:
                problems.append(f"pytest failed:\n{pytest_output}")
            elif seen is None:
                problems.append(f"fastest failed:\n{fastest_output}")
            else:
                for name in sorted(set(oracle) | set(seen)):
                    if oracle.get(name) != seen.get(name):
                        problems.append(f"{name}: pytest {oracle.get(name)}, fastest {seen.get(name)}")
            failures += verdict(f"getini, {described}, {' '.join(blocked) or 'no plugin blocked'}", problems)
    failures += strict_config(fastest, env)
    return 1 if failures else 0


def strict_config(fastest, env):
    with tempfile.TemporaryDirectory(prefix="fastest-strict-config-") as suite:
        write_suite(suite, {"pytest.ini": "[pytest]\nnobody_declares_this = 1\n",
                            "test_ok.py": "def test_ok():\n    pass\n"})
        args = ["-p", "no:cacheprovider", "--strict-config"]
        pytest = subprocess.run([sys.executable, "-m", "pytest", *args], cwd=suite, env=env,
                                capture_output=True, text=True)
        run = subprocess.run([fastest, *args], cwd=suite, env=env, capture_output=True, text=True)
    problems = []
    if run.returncode != pytest.returncode:
        problems.append(f"exit code: pytest {pytest.returncode}, fastest {run.returncode}")
    if run.stderr.strip() != pytest.stderr.strip():
        problems.append(f"stderr: pytest {pytest.stderr.strip()!r}, fastest {run.stderr.strip()!r}")
    return verdict("an undeclared ini key under --strict-config", problems)


if __name__ == "__main__":
    sys.exit(main())
