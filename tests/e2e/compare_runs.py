#!/usr/bin/env python3
"""fastest against pytest, end to end: the same suite, the same arguments,
run by both; pytest is the oracle.

    compare_runs.py FASTEST SOURCE_ROOT

For every scenario below it requires, from `-v` output, the same per-node
outcome lines in the same order, the same final summary line (durations
masked) and the same exit code; scenarios marked `whole_output` must also
print the same report line for line (durations and the header lines that
name the tool masked). Prints a table of the results; exits 1 on any
difference.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from verdict import verdict  # noqa: E402

PYTEST = ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider"]
# The native engine loads no third-party pytest plugins; neither may the
# oracle (the real-pytest engine has its own scenarios).
OUTCOME_LINE = re.compile(r"^(\S+::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b")
DURATION = re.compile(r"\bin \d+\.\d+s\b( \(\d+:\d\d:\d\d\))?")
# Lines that legitimately differ: the tool names itself, and fastest adds
# its strategy line.
TOOL_LINES = re.compile(r"^(platform |plugins: |strategy: |cachedir: )")
# Values that differ run to run: object addresses, numbered tmp folders.
RUN_VALUES = [(re.compile(r"\b0x[0-9a-f]{6,}\b"), "0x?"), (re.compile(r"\bpytest-\d+\b"), "pytest-N")]

# (suite folder relative to the source root, arguments, whole_output)
SCENARIOS = [
    ("examples/quickstart", [], True),
    # Started outside rootdir: arguments and the report's paths are
    # relative to the invocation directory.
    (".", ["examples/quickstart"], True),
    (".", ["examples/quickstart/test_basics.py::TestInventory", "-rA"], True),
    ("examples/quickstart", ["test_basics.py::test_length", "test_basics.py::TestInventory::test_has_apples"], True),
    ("examples/quickstart", ["test_basics.py::test_length[fast-4]"], True),
    # Arguments that overlap: pytest collects a file once per argument that
    # names it, plus once for the directory walks (all of them with
    # --keep-duplicates), and runs each copy.
    ("examples/quickstart", ["test_basics.py", "."], True),
    ("examples/quickstart", ["test_basics.py::test_length", "test_basics.py"], True),
    ("examples/quickstart", [".", "."], True),
    ("examples/quickstart", ["--keep-duplicates", ".", "."], True),
    ("examples/quickstart", ["-q"], True),
    ("examples/quickstart", ["-rA"], True),
    ("examples/quickstart", ["-k", "length or basket"], True),
    ("examples/quickstart", ["-m", "not slow", "-x"], True),
    ("examples/quickstart", ["--co", "-q"], True),
    ("tests/compat", ["--continue-on-collection-errors"], False),
    ("tests/compat", ["--continue-on-collection-errors", "--tb=short"], False),
    ("tests/compat", ["--continue-on-collection-errors", "-k", "param or fixture"], False),
    ("tests/compat", ["--continue-on-collection-errors", "--maxfail=2"], False),
    ("tests/compat", ["--continue-on-collection-errors", "-x"], False),
    # --runxfail makes pytest.xfail() do nothing.
    ("tests/compat", ["--continue-on-collection-errors", "--runxfail"], False),
    ("tests/compat", [], False),
    ("tests/compat", ["test_params.py", "test_fixtures.py"], False),
    ("tests/compat", ["-vv", "test_assertions.py"], True),
    # Its tracebacks hold pytest's own frames: the pytest engine runs it.
    ("tests/compat", ["--full-trace", "-p", "no:cacheprovider", "test_assertions.py", "test_fixtures.py"], True),
    ("tests/compat", ["test_unittest_cases.py"], True),
    # Fixture lookup errors (their text ends its last line; -p no:NAME takes
    # the builtin fixtures that plugin provides off the "available" list).
    ("tests/compat", ["test_bad_input.py", "-k", "missing or cycle", "-p", "no:cacheprovider"], True),
    # Inherited tests (only an import finds them) beside static files, and
    # parameter ids holding ':', '::' and '['.
    ("tests/e2e/inherited", [], True),
    ("tests/e2e/inherited", ["-rs"], True),
    ("tests/e2e/inherited", ["--co", "-q"], True),
    ("tests/e2e/inherited", ["-k", "inherited and c:d"], True),
    ("tests/e2e/inherited", ["inherit_pkg/test_b_inherits.py::TestChild::test_inherited_ids"], True),
    # Each phase's output in its own report, item after item (workers keep
    # their capture held across a batch).
    ("tests/e2e/captured", ["-rA"], True),
    # What conftests print while imported: above the header, or below it
    # for those collection imports.
    ("tests/e2e/conftest_output", [], True),
    ("tests/e2e/conftest_output", ["-s"], True),
    ("tests/e2e/conftest_output", ["--capture=sys"], True),
    ("tests/e2e/conftest_output", ["-q"], True),
    # Items a modifyitems hook removes without deselecting them.
    ("tests/e2e/dropped", [], True),
    # Parameter ids with "//", "/./", a trailing "/": shown through pathlib
    # when the invocation directory is not the rootdir.
    ("tests/e2e/slashed_ids", ["-rA"], True),
    (".", ["tests/e2e/slashed_ids", "-rA"], True),
    ("tests/e2e/dropped", ["-k", "keep_too"], True),
    ("tests/e2e/dropped", ["--co", "-q"], True),
    # A package's __init__ failing while a test module imports: pytest shows
    # importlib's frames down to it.
    ("tests/e2e/broken_package", ["--continue-on-collection-errors"], True),
    # A module that does not parse, one importing such a module, one
    # importing a missing module: pytest shows its own importer frames (its
    # assertion rewriter's among them) for syntax errors, and with -vv.
    ("tests/e2e/import_failures", [], True),
    ("tests/e2e/import_failures", ["--continue-on-collection-errors", "--assert=plain"], True),
    ("tests/e2e/import_failures", ["--import-mode=append", "--tb=native"], True),
    ("tests/e2e/import_failures", ["-vv"], True),
    # testpaths: the header names them when they gave the arguments (not
    # when arguments are given, nor when they match nothing).
    ("tests/e2e/testpaths", [], True),
    ("tests/e2e/testpaths", ["-o", "testpaths=check*"], True),
    ("tests/e2e/testpaths", ["-o", "testpaths=nothing_here"], True),
    ("tests/e2e/testpaths", ["test_outside.py"], True),
    # A rootdir below the config file's folder: the header shows the file
    # relative to it.
    ("tests/e2e/testpaths", ["--rootdir=checks", "checks"], True),
    # Failures without a traceback: plain text, or the message alone.
    ("tests/e2e/message_failures", ["-rA"], True),
    ("tests/e2e/message_failures", ["--tb=line"], True),
    # The builtin fixtures' values as a failing test's traceback shows them.
    ("tests/e2e/fixture_values", ["-p", "no:cacheprovider"], True),
    # Warnings located in pytest's own code (issued there, or a stacklevel
    # reaching the code that calls a test or fixture), in pytest's order.
    ("tests/e2e/pytest_warnings", [], True),
    ("tests/e2e/pytest_warnings", ["-rs"], True),
    # Without pytest's warnings plugin nothing records them.
    ("tests/e2e/pytest_warnings", ["-p", "no:warnings"], True),
    # A module's or class's marks are its items' keywords; an inherited skip
    # mark is summarised per file.
    ("tests/e2e/inherited_marks", ["-rs"], True),
    # Two test modules of one name: pytest's plain-text collection error.
    ("tests/e2e/duplicate_basenames", [], True),
    ("tests/e2e/duplicate_basenames", ["--continue-on-collection-errors", "-rA"], True),
    # A coloured terminal: failure texts carry pytest's markup.
    ("tests/e2e/coloured", ["--color=yes", "--continue-on-collection-errors", "-p", "no:cacheprovider"], True),
    ("tests/e2e/coloured", ["--color=yes", "--continue-on-collection-errors", "--tb=short", "-p", "no:cacheprovider"], True),
    ("tests/e2e/coloured", ["--color=yes", "--continue-on-collection-errors", "--code-highlight=no", "-p", "no:cacheprovider"], True),
    ("tests/e2e/coloured", ["--continue-on-collection-errors", "-p", "no:cacheprovider"], True),
    # A test that runs pytest.main (numpy's np.test()).
    ("tests/e2e/nested_pytest", ["-p", "no:cacheprovider"], True),
    # `from pytest import *`, the light module's lazily loaded names included.
    ("tests/e2e/star_import", ["-rs", "-p", "no:cacheprovider"], True),
    # Fixtures annotated with pytest's types (CaptureFixture[str], ...).
    ("tests/e2e/typed_fixtures", ["-p", "no:cacheprovider"], True),
    # pytest_collection_modifyitems runs once, with every item.
    ("tests/e2e/modifyitems_once", ["-p", "no:cacheprovider"], True),
    # py.path attributes: request.fspath, node.fspath, config.rootdir ...
    ("tests/e2e/legacy_paths", ["-p", "no:cacheprovider"], True),
    # A file python_files does not match, named on the command line: rewritten.
    ("tests/e2e/named_file", ["checks.py", "-p", "no:cacheprovider"], True),
    # Details of pytest's API tests observe (invocation args, reprs).
    ("tests/e2e/api_details", ["-p", "no:cacheprovider"], True),
    ("tests/e2e/api_details", ["-p", "no:cacheprovider", "--strict-markers"], True),
    # Fixtures of blocked plugins are missing: tmpdir's need legacypath too.
    ("tests/e2e/legacy_fixtures", ["-p", "no:cacheprovider"], True),
    ("tests/e2e/legacy_fixtures", ["-p", "no:cacheprovider", "-p", "no:legacypath"], True),
    ("tests/e2e/legacy_fixtures", ["-p", "no:cacheprovider", "-p", "no:tmpdir"], True),
    # pytest's session log handlers (basicConfig in a test module does
    # nothing), log_level, and the order of a phase's report sections.
    ("tests/e2e/logging_setup", ["-rA", "-p", "no:cacheprovider"], True),
    ("tests/e2e/logging_setup", ["-rA", "-p", "no:cacheprovider", "-p", "no:logging"], True),
    # Ini keys nobody declares: a PytestConfigWarning each.
    ("tests/e2e/unknown_ini", ["-p", "no:cacheprovider"], True),
    # KeyboardInterrupt and pytest.exit() in a test: what ran, then pytest's report of it.
    ("tests/e2e/interrupted", ["-rA", "-p", "no:cacheprovider"], True),
    ("tests/e2e/interrupted", ["-p", "no:cacheprovider", "--color=yes"], True),
    ("tests/e2e/exit_requested", ["-rA", "-p", "no:cacheprovider"], True),
    # sys.exit() and KeyboardInterrupt while a test module imports: errors
    # collecting it, not the end of the run.
    ("tests/e2e/import_exits", ["-rA", "-p", "no:cacheprovider"], True),
    ("tests/e2e/import_exits", ["-rA", "-p", "no:cacheprovider", "--continue-on-collection-errors"], True),
    ("tests/e2e/exit_code_requested", ["-rA", "-p", "no:cacheprovider"], True),
    # A UsageError once collected: the header and "collected N items", nothing run, exit 4.
    ("tests/e2e/unknown_ini", ["-p", "no:cacheprovider", "--strict-config"], True),
    ("tests/e2e/usage_error_hook", ["-p", "no:cacheprovider"], True),
    # mktemp's check of the names it is given.
    ("tests/e2e/temporary_folders", ["-rA", "-p", "no:cacheprovider"], True),
    # Builtin plugins the native engine does not model, blocked: the pytest engine runs.
    ("tests/e2e/blocked_builtins", ["-rA", "-p", "no:cacheprovider", "-p", "no:unittest"], True),
    ("tests/e2e/blocked_builtins", ["-rA", "-p", "no:cacheprovider", "-p", "no:skipping"], True),
    ("tests/e2e/blocked_builtins", ["-rA", "-p", "no:cacheprovider", "-p", "no:python"], True),
    # Without the capture plugin, no progress percentages either.
    ("tests/e2e/blocked_builtins", ["-rA", "-p", "no:cacheprovider", "-p", "no:capture"], True),
    # timeout and xdist_group marks without pytest-timeout and pytest-xdist loaded.
    ("tests/e2e/plugin_marks", ["-rA", "-p", "no:cacheprovider"], True),
    ("tests/e2e/plugin_marks", ["-rA", "-p", "no:cacheprovider", "--strict-markers"], True),
    # Without the terminal plugin, no report at all, and its options refused.
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:terminal"], True),
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:terminal", "-rA"], False),
    # The options of a plugin `-p no:` blocks are unknown to pytest: refused.
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "--lf"], True),
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:stepwise", "--sw"], True),
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:junitxml", "--junitxml", "out.xml"], True),
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:logging", "--log-level", "INFO"], True),
    ("tests/e2e/blocked_builtins", ["-p", "no:cacheprovider", "-p", "no:doctest", "--doctest-report", "udiff"], True),
    # ExceptionInfo.getrepr's text and reprcrash, for each of its options.
    ("tests/e2e/exception_reprs", ["-rA", "-p", "no:cacheprovider"], True),
    # Logs per phase; with pytest's logging plugin blocked, none captured.
    ("tests/e2e/logged", ["-rA", "-p", "no:cacheprovider"], True),
    ("tests/e2e/logged", ["-rA", "-p", "no:cacheprovider", "-p", "no:logging"], True),
    # PYTEST_CURRENT_TEST in the process environment: getenv(3), children.
    ("tests/e2e/current_test_variable", ["-rA", "-p", "no:cacheprovider"], True),
    # Unraisable and thread exceptions become warnings (errors with -W error).
    ("tests/e2e/uncaught_exceptions", ["-p", "no:cacheprovider"], True),
    # (pytest's traceback of the error holds its own frames: outcomes only.)
    ("tests/e2e/uncaught_exceptions", ["-p", "no:cacheprovider", "-W", "error::pytest.PytestUnraisableExceptionWarning"], False),
    ("tests/e2e/uncaught_exceptions", ["-p", "no:cacheprovider", "-p", "no:threadexception", "-rA"], True),
]

# Scenarios whose output depends on one process running every test, which
# tests/workers/compare_strategies.py leaves out: tests that print what
# other modules' tests did before them (under workers, as under
# pytest-xdist, a test sees only its own worker's share; their suite's
# fastest.ini asks for in-process), and output written past the capture,
# which a worker writes whenever it runs the test (fastest's automatic
# choice runs such sessions in-process).
IN_PROCESS_SCENARIOS = [
    # Uncaptured output between the progress marks, in run order; under
    # -s what modules print while imported follows "collecting ... ".
    ("tests/e2e/captured", ["--capture=sys"], True),
    ("tests/e2e/captured", ["-s"], True),
    ("tests/e2e/captured", ["-s", "-q"], True),
    ("examples/quickstart", ["-s"], True),
    ("tests/e2e/uncaptured", [], True),
    ("tests/e2e/uncaptured", ["-q"], True),
    # What a test module logs while imported: nothing shown under -s either.
    ("tests/e2e/logging_setup", ["-rA", "-p", "no:cacheprovider", "-s"], True),
    # Nested packages stay flat, as in pytest 7.2: a subpackage's tests run
    # outside the enclosing package's setup and package-scoped fixtures.
    ("tests/e2e/packages", ["-rA"], True),
    # NUL characters: event text carries them as C0 80 (<fastest/event.h>).
    ("tests/e2e/nul_characters", ["-rA"], True),
    ("tests/e2e/packages", ["-rA", "outer/inner"], True),
    ("tests/e2e/packages", ["-rA", "outer/inner/test_inner.py", "outer/test_outer.py"], True),
]


def run(command, cwd):
    environment = dict(os.environ, COLUMNS="80", PYTHONHASHSEED="0", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    # fastest runs the tests in the python3 it finds on PATH: the oracle's,
    # whatever the shell puts first (a pyenv shim, a virtualenv).
    environment["PATH"] = os.pathsep.join([os.path.dirname(PYTEST[0]), environment.get("PATH", "")])
    environment.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout


def outcome_lines(stdout):
    return [m.group(1) + " " + m.group(2) for m in map(OUTCOME_LINE.match, stdout.splitlines()) if m]


def summary_line(stdout):
    lines = [line for line in stdout.splitlines() if line.strip()]
    return DURATION.sub("in T", lines[-1]) if lines else ""


def comparable(stdout):
    lines = [DURATION.sub("in T", line) for line in stdout.splitlines() if not TOOL_LINES.match(line)]
    for pattern, mask in RUN_VALUES:
        lines = [pattern.sub(mask, line) for line in lines]
    return lines


def compare(fastest, root, folder, args, whole_output):
    cwd = os.path.join(root, folder)
    problems = []
    # -v for the outcome lines, unless the scenario is about verbosity (or
    # blocks the terminal plugin, which defines -v).
    verbose = [] if {"-q", "--co", "no:terminal"} & set(args) else ["-v"]
    pytest_code, pytest_out = run(PYTEST + verbose + args, cwd)
    fastest_code, fastest_out = run([fastest] + verbose + args, cwd)
    if pytest_code != fastest_code:
        problems.append(f"exit code: pytest {pytest_code}, fastest {fastest_code}")
    if outcome_lines(pytest_out) != outcome_lines(fastest_out):
        problems.append(diff("outcomes", outcome_lines(pytest_out), outcome_lines(fastest_out)))
    if summary_line(pytest_out) != summary_line(fastest_out):
        problems.append(f"summary: pytest {summary_line(pytest_out)!r}, fastest {summary_line(fastest_out)!r}")
    if whole_output and comparable(pytest_out) != comparable(fastest_out):
        problems.append(diff("output", comparable(pytest_out), comparable(fastest_out)))
    return len(outcome_lines(pytest_out)), problems


def diff(what, expected, actual):
    import difflib

    lines = difflib.unified_diff(expected, actual, "pytest", "fastest", lineterm="", n=1)
    return f"{what} differ:\n    " + "\n    ".join(list(lines)[:60])


def main():
    fastest, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = 0
    compared = 0
    scenarios = SCENARIOS + IN_PROCESS_SCENARIOS
    for folder, args, whole_output in scenarios:
        count, problems = compare(fastest, root, folder, args, whole_output)
        compared += count
        label = f"{folder} {' '.join(args)}".strip()
        failures += verdict(f"{label} ({count} outcomes)", problems)
    print(f"{len(scenarios) - failures}/{len(scenarios)} scenarios identical, {compared} outcomes compared")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
