#!/usr/bin/env python3
"""What a test sees of its interpreter is what it sees under pytest: the
user's PYTHON* variables (PYTHONPATH, PYTHONHASHSEED), the locale's
encoding, sys.executable (tests run it in subprocesses) and
sys._base_executable, what the site module sets up (the exit/quit/help/...
builtins, sitecustomize, sys.flags without no_site, which a spawned child
inherits) and, for a virtualenv, sys.prefix and the base interpreter. The -v header names it as pytest's does.

    interpreter_facts.py FASTEST

The suite passes under pytest (checked first); fastest must pass it too.
Then, in a virtualenv made for the run (no pytest in it), sys.executable
and sys.prefix must be the virtualenv's.
"""
import os
import subprocess
import sys
import tempfile

SUITE = '''\
import locale
import os
import subprocess
import sys


def test_pythonpath():
    import helper_on_pythonpath
    assert helper_on_pythonpath.VALUE == 42


def test_locale_encoding():
    assert locale.getpreferredencoding(False).lower().replace("-", "") == "utf8"
    assert sys.getfilesystemencoding() == "utf-8"


def test_hash_seed():
    assert sys.flags.hash_randomization == 0
    assert hash("fastest") == int(os.environ["EXPECTED_HASH"])


def test_site_builtins():
    import builtins

    for name in ("exit", "quit", "help", "copyright", "credits", "license"):
        assert hasattr(builtins, name), name
    assert callable(exit)


def test_sitecustomize_ran():
    assert getattr(sys, "sitecustomize_ran", False)


def test_executable_runs_this_environment():
    done = subprocess.run([sys.executable, "-c", "import sys; print(sys.prefix)"],
                          capture_output=True, text=True)
    assert done.stdout.strip() == sys.prefix
    assert os.path.realpath(sys.executable) == os.path.realpath(os.environ["EXPECTED_EXECUTABLE"])
    assert sys._base_executable == sys.executable


def _imports_helper():
    import helper_on_pythonpath

    return helper_on_pythonpath.VALUE


def test_spawned_child_has_site():
    """A child started with the parent's interpreter flags (multiprocessing's
    spawn, joblib's loky) runs the site module as the parent did."""
    import multiprocessing

    assert subprocess._args_from_interpreter_flags() == []
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_imports_helper) == 42
'''

VENV_SUITE = '''\
import os
import sys


def test_virtualenv():
    assert sys.executable == os.environ["VENV"] + "/bin/python"
    assert sys.prefix == sys.exec_prefix == os.environ["VENV"]
    assert sys.base_prefix != sys.prefix
    assert sys._base_executable == os.environ["EXPECTED_BASE_EXECUTABLE"]
'''


def run(command, cwd, env):
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def platform_line(output):
    return next((line for line in output.splitlines() if line.startswith("platform ")), "")


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-interpreter-") as folder:
        suite = os.path.join(folder, "suite")
        os.makedirs(os.path.join(suite, "lib"))
        with open(os.path.join(suite, "lib", "helper_on_pythonpath.py"), "w") as helper:
            helper.write("VALUE = 42\n")
        with open(os.path.join(suite, "lib", "sitecustomize.py"), "w") as customize:
            customize.write("import sys\nsys.sitecustomize_ran = True\n")
        with open(os.path.join(suite, "test_interpreter.py"), "w") as module:
            module.write(SUITE)
        with open(os.path.join(suite, "fastest.ini"), "w") as config:
            config.write(f"[fastest]\npython = {sys.executable}\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LC_", "VIRTUAL_ENV"))}
        env.update(PYTHONPATH="lib", PYTHONHASHSEED="0", LANG="C.UTF-8", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
                   EXPECTED_EXECUTABLE=sys.executable)
        env["EXPECTED_HASH"] = run([sys.executable, "-c", "print(hash('fastest'))"], suite, env).stdout.strip()
        for name, command in (("pytest", [sys.executable, "-m", "pytest"]), ("fastest", [fastest])):
            done = run([*command, "-q", "-p", "no:cacheprovider"], suite, env)
            ok = done.returncode == 0
            print(f"{'ok  ' if ok else 'FAIL'} {name}: PYTHONPATH, PYTHONHASHSEED, locale, site, sys.executable")
            if not ok:
                print(done.stdout + done.stderr)
            failures += not ok

        headers = [platform_line(run([*command, "-v", "-p", "no:cacheprovider"], suite, env).stdout)
                   for command in ([sys.executable, "-m", "pytest"], [fastest])]
        ok = all(header.endswith(f" -- {sys.executable}") for header in headers)
        print(f"{'ok  ' if ok else 'FAIL'} -v header names sys.executable: {headers}")
        failures += not ok

        venv = os.path.join(folder, "venv")
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        venv_suite = os.path.join(folder, "venv_suite")
        os.makedirs(venv_suite)
        with open(os.path.join(venv_suite, "test_venv.py"), "w") as module:
            module.write(VENV_SUITE)
        base = run([os.path.join(venv, "bin", "python"), "-c", "import sys; print(sys._base_executable)"], venv_suite, env)
        done = run([fastest, "-q", "-p", "no:cacheprovider"], venv_suite,
                   dict(env, VIRTUAL_ENV=venv, VENV=venv, EXPECTED_BASE_EXECUTABLE=base.stdout.strip()))
        ok = done.returncode == 0
        print(f"{'ok  ' if ok else 'FAIL'} fastest in a virtualenv: sys.executable, sys.prefix")
        if not ok:
            print(done.stdout + done.stderr)
        failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
