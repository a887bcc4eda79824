"""Failure rendering compared with pytest's, text for text.

Runs the corpus under the real pytest (``--assert=plain``) once per
traceback configuration with ``record_pytest`` recording every failed
report, then runs the same test functions with a minimal harness (import,
resolve module fixtures, call, catch) and renders each exception with
``fastest.engine.longrepr``.  Exits 1 listing every difference.
"""

import difflib
import importlib
import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
sys.dont_write_bytecode = True  # corpus imports leave no caches in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "python"))

from fastest.assertion.pyc_cache import load_or_rewrite  # noqa: E402
from fastest.assertion.runtime import set_verbosity  # noqa: E402
from fastest.engine.longrepr import render_collect_error, render_failure  # noqa: E402

CONFIGS = [
    # (--tb, --showlocals, verbosity)
    ("auto", False, 0),
    ("long", False, 0),
    ("short", False, 0),
    ("line", False, 0),
    ("native", False, 0),
    ("no", False, 0),
    ("auto", True, 0),
    ("long", True, 2),
]


# Corpora run with pytest's assertion rewriting; all others with --assert=plain.
REWRITTEN = {"rewrite_corpus"}


def run_pytest(target: str, tb: str, showlocals: bool, verbosity: int) -> list:
    with tempfile.NamedTemporaryFile(suffix=".json") as record:
        env = dict(os.environ, FASTEST_RENDERING_RECORD=record.name, COLUMNS="80",
                   PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1")
        args = [sys.executable, "-m", "pytest", target, "-p", "no:cacheprovider",
                "-p", "record_pytest", f"--tb={tb}"]
        if target not in REWRITTEN:
            args.append("--assert=plain")
        if showlocals:
            args.append("--showlocals")
        if verbosity:
            args.append("-" + "v" * verbosity)
        subprocess.run(args, cwd=HERE, env=env, stdout=subprocess.DEVNULL, check=False)
        with open(record.name, encoding="utf-8") as stream:
            return json.load(stream)


def _call_fixture(module, name, finalizers):
    # Hidden, as the engine's own frames are, from tracebacks that are not
    # cut at the test's file.
    __tracebackhide__ = True
    function = getattr(module, name).__pytest_wrapped__.obj
    args = [_call_fixture(module, arg, finalizers)
            for arg in inspect.signature(function).parameters]
    value = function(*args)
    if inspect.isgenerator(value):
        finalizers.append(value)
        value = next(value)
    return value


def import_test_module(path: str):
    """The test module, its asserts rewritten by fastest when pytest's are."""
    name = os.path.basename(path)[:-3]
    if name in sys.modules:
        return sys.modules[name]
    if os.path.dirname(path) not in REWRITTEN:
        return importlib.import_module(name)
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    exec(load_or_rewrite(spec.origin), module.__dict__)
    return module


def run_item(nodeid: str, tb: str, showlocals: bool, verbosity: int) -> dict:
    """Run one test the simple way; each failing phase's rendering by phase."""
    __tracebackhide__ = True
    path, *names = nodeid.split("::")
    module = import_test_module(path)
    set_verbosity(verbosity)
    owner = module
    for name in names[:-1]:
        owner = getattr(owner, name)()
    function = getattr(owner, names[-1])
    render = dict(style=tb, showlocals=showlocals, invocation_dir=HERE, verbosity=verbosity,
                  cut_frames=function)
    finalizers = []
    rendered = {}
    kwargs = {}
    try:
        for name in inspect.signature(function).parameters:
            kwargs[name] = _call_fixture(module, name, finalizers)
    except BaseException as exc:
        rendered["setup"] = render_failure(exc, **render)
    else:
        try:
            function(**kwargs)
        except BaseException as exc:
            rendered["call"] = render_failure(exc, **render)
    for generator in reversed(finalizers):
        try:
            next(generator, None)
        except BaseException as exc:
            rendered["teardown"] = render_failure(exc, **render)
    return rendered


def run_collect(nodeid: str, tb: str, showlocals: bool, verbosity: int) -> dict:
    name = os.path.basename(nodeid)[:-3]
    sys.modules.pop(name, None)
    try:
        importlib.import_module(name)
    except BaseException as exc:
        # This harness frame stands where the engine's importer frames
        # would be (pytest's are left out of the comparison: _comparable).
        exc.__traceback__ = exc.__traceback__.tb_next
        return {"collect": render_collect_error(
            exc, path=os.path.join(HERE, nodeid), style=tb, showlocals=showlocals,
            invocation_dir=HERE, verbosity=verbosity, import_mode="prepend")}
    return {}


_ADDRESS = re.compile(r"0x[0-9a-f]+")
_REPEATS = re.compile(r"\[Previous line repeated \d+ more times\]")
_PYTEST_FRAME = re.compile(r"^/\S*/_pytest/\S+:\d+: in \w+\n.*\n", re.MULTILINE)


def _comparable(text: str) -> str:
    """Object addresses differ between processes, the depth a recursion
    reaches depends on the caller's stack, and pytest's own importer frames
    (shown for syntax errors and ``-vv`` import errors) have no counterpart
    in this harness, which imports the modules itself (the engine's
    imports: tests/e2e/import_failures): all are left out of the
    comparison."""
    text = _REPEATS.sub("[Previous line repeated N more times]", text)
    return _ADDRESS.sub("0xADDR", _PYTEST_FRAME.sub("", text))


def _expected_crash(record):
    return record["crash"] or [None, None, None]


def compare(records, runner, config) -> list:
    problems = []
    for record in records:
        ours = runner(record["nodeid"], *config).get(record["when"])
        label = f"{config} {record['nodeid']} ({record['when']})"
        if ours is None:
            problems.append(f"{label}: no failure rendered")
            continue
        expected, got = _comparable(record["terminal"]), _comparable(ours["longrepr"])
        if got != expected:
            diff = difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                        "pytest", "fastest", lineterm="")
            problems.append(f"{label}: text differs\n" + "\n".join(diff))
        if got.strip() != _comparable(record["str"]):
            problems.append(f"{label}: str(longrepr) differs")
        crash = [ours["crash_path"], ours["crash_line"], ours["crash_message"]]
        if crash != _expected_crash(record):
            problems.append(f"{label}: crash {crash!r} != pytest {_expected_crash(record)!r}")
    return problems


def main() -> int:
    os.chdir(HERE)
    sys.path.insert(0, os.path.join(HERE, "corpus"))
    sys.path.insert(0, os.path.join(HERE, "collect_corpus"))
    sys.setrecursionlimit(1000)
    problems = []
    checked = 0
    for config in CONFIGS:
        for target, runner in (("corpus", run_item), ("rewrite_corpus", run_item),
                               ("collect_corpus", run_collect)):
            records = run_pytest(target, *config)
            checked += len(records)
            problems.extend(compare(records, runner, config))
    for problem in problems:
        print(problem, end="\n\n")
    print(f"rendering: {checked - len(problems)} of {checked} failure renderings match pytest"
          f" ({len(problems)} differences)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
