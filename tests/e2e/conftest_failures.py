#!/usr/bin/env python3
"""A conftest.py that fails to import, against pytest, under both engines:
one pytest loads before collecting (the command line's directories and
their parents) stops the run with pytest's message on stderr and exit 4
(with sys.exit(), silently with its code); one deeper fails the session's
collection (sys.exit() too). stdout, stderr (durations masked) and
the exit code must be pytest's.

pytest loads a deeper conftest while walking the session's directories:
its failure is the session's collection error, nothing is collected, its
traceback shown from importlib's frames on (pytest's assertion rewriter's
among them).

    conftest_failures.py FASTEST
"""
import os
import re
import subprocess
import sys
import tempfile

DURATION = re.compile(r"in \d+\.\d+s")
SUITES = {
    "initial": {
        # What it prints first is captured, then written out ahead of the refusal.
        "conftest.py": "import os\nprint('loading the conftest')\nimport not_installed_anywhere\n",
        "test_a.py": "def test_a():\n    pass\n",
    },
    "deeper": {
        "test_top.py": "def test_top():\n    pass\n",
        "sub/conftest.py": "def helper():\n    raise ValueError('broken at import')\n\n\nhelper()\n",
        "sub/test_below.py": "def test_below():\n    pass\n",
    },
    # sys.exit() in a conftest pytest loads before collecting ends the
    # process with that code, silently; in a deeper one it is the
    # session's collection error, as any exception there.
    "initial exits": {
        "conftest.py": "import sys\nsys.exit(7)\n",
        "test_a.py": "def test_a():\n    pass\n",
    },
    # A KeyboardInterrupt (a Ctrl-C while a slow conftest imports) is
    # Python's to handle: the traceback on stderr, then death by SIGINT.
    # The traceback's frames are the importer's (pytest's or fastest's):
    # only its last line is compared.
    "initial interrupted": {
        "conftest.py": "raise KeyboardInterrupt\n",
        "test_a.py": "def test_a():\n    pass\n",
    },
    "deeper syntax error": {
        "test_top.py": "def test_top():\n    pass\n",
        "sub/conftest.py": "VALUES = (\n    1,\n",
        "sub/test_below.py": "def test_below():\n    pass\n",
    },
    "deeper exits": {
        "test_top.py": "def test_top():\n    pass\n",
        "sub/conftest.py": "import sys\nsys.exit(7)\n",
        "sub/test_below.py": "def test_below():\n    pass\n",
    },
    # A conftest whose dotted name another file holds already (a package
    # the root conftest imported from elsewhere): pytest's exception, as
    # pytest names it.
    "initial shadowed": {
        "conftest.py": "import os\nimport sys\n\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), 'elsewhere'))\nimport shadowed\n",
        "elsewhere/shadowed/__init__.py": "",
        "elsewhere/shadowed/tests/__init__.py": "",
        "elsewhere/shadowed/tests/conftest.py": "",
        "shadowed/__init__.py": "",
        "shadowed/tests/__init__.py": "",
        "shadowed/tests/conftest.py": "",
        "shadowed/tests/test_a.py": "def test_a():\n    pass\n",
    },
}

# The command line's arguments, when not the rootdir's tests.
ARGUMENTS = {"initial shadowed": ["shadowed/tests"]}

TRACEBACK_LAST_LINE_ONLY = {"initial interrupted"}

def run(command, cwd):
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", COLUMNS="80")
    env.pop("PYTEST_ADDOPTS", None)
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return done.returncode, DURATION.sub("in T", done.stdout), done.stderr


def main():
    fastest = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="fastest-conftest-failures-") as folder:
        for name, files in SUITES.items():
            suite = os.path.join(folder, name)
            for relative, text in {**files, "pytest.ini": "[pytest]\n",
                                   "fastest.ini": f"[fastest]\npython = {sys.executable}\n"}.items():
                os.makedirs(os.path.dirname(os.path.join(suite, relative)), exist_ok=True)
                with open(os.path.join(suite, relative), "w") as out:
                    out.write(text)
            arguments = ARGUMENTS.get(name, [])
            theirs = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments], suite)
            for engine in ("native", "pytest"):
                ours = run([fastest, "-p", "no:cacheprovider", "--engine", engine, *arguments], suite)
                # The header names the tool: compare what follows it.
                strip = lambda out: "\n".join(l for l in out.splitlines() if not l.startswith(("platform ", "strategy: ")))
                errors = (ours[2], theirs[2])
                if name in TRACEBACK_LAST_LINE_ONLY:
                    errors = tuple(text.strip().splitlines()[-1:] for text in errors)
                same = (ours[0], strip(ours[1]), errors[0]) == (theirs[0], strip(theirs[1]), errors[1])
                print(f"{'ok  ' if same else 'FAIL'} {name} ({engine} engine)")
                if not same:
                    print(f"    exit {ours[0]} vs {theirs[0]}")
                    print("    fastest stdout:\n" + ours[1] + "\n    fastest stderr:\n" + ours[2])
                    print("    pytest stdout:\n" + theirs[1] + "\n    pytest stderr:\n" + theirs[2])
                failures += not same
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
