#!/usr/bin/python3
"""The pytest engine against pytest itself, and the two engines against
each other.

    compare_engines.py FASTEST SOURCE_ROOT

Each scenario runs one suite of tests/pytest_mode/suites under
`/usr/bin/python3 -m pytest` (installed plugins autoload, as they do for
users) and under fastest, and requires the same per-node outcome lines, the
same summary line, the same exit code, the engine fastest's header names,
and the same JUnit XML (timings and hostname masked). A/B scenarios run
fastest with --engine=native and --engine=pytest and require identical
outcomes. Prints a table; exits 1 on any difference.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from compare_runs import diff, outcome_lines, summary_line  # noqa: E402

# Both tools leave no .pytest_cache in the source tree.
NO_CACHE = ["-p", "no:cacheprovider"]
PYTEST = ["/usr/bin/python3", "-m", "pytest"] + NO_CACHE
ENGINE_LINE = re.compile(r"engine: (\w+) \(")
XML_VOLATILE = re.compile(r'(time|timestamp|hostname)="[^"]*"')
ADDRESS = re.compile(r"0x[0-9a-f]+")
# Header lines of the installed plugins, which the native engine does not
# load (docs/user-guide.md): pytest's "plugins:" line, pytest-asyncio's,
# Hypothesis's (under -v).
NOT_NATIVE_HEADER = ("plugins: ", "asyncio: ", "hypothesis profile ")

# The "=" sections of pytest's terminal report; any other is a plugin's or
# conftest's, up to the statistics line.
PYTEST_SECTIONS = {"test session starts", "ERRORS", "FAILURES", "warnings summary", "PASSES", "short test summary info"}
STATISTICS_LINE = re.compile(r"=+ (\d+(/\d+)? \w+|no tests ran)[^=]* in [\d.]+s")

# (suite, arguments, the engine fastest must choose); arguments after
# FASTEST_ONLY go to fastest alone.
FASTEST_ONLY = "--"
SCENARIOS = [
    # hooks: a test requests a fixture no conftest defines: the pytest engine.
    ("hooks", [], "pytest"),
    ("hooks", ["--runslow"], "pytest"),
    ("hooks", ["-k", "generated or slow"], "pytest"),
    ("hooks", ["-x"], "pytest"),
    ("hooks", ["--tb=short", "-rA"], "pytest"),
    # Its terminal summary hook counts the whole session's reports, which
    # the parent hears from its workers.
    ("hooks", [FASTEST_ONLY, "--strategy=warmworkers", "-n", "2"], "pytest"),
    ("hooks", ["-k", "generated", FASTEST_ONLY, "--strategy=fullparallel"], "pytest"),
    # A module that does not import: pytest's session still ends (its
    # terminal summary hook writes), interrupted or going on. (The native
    # engine runs the hook too, but its JUnit XML for a collection error
    # lacks the frames of pytest's own importer.)
    ("collection_errors", [FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("collection_errors", ["--continue-on-collection-errors", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("collection_errors", ["--continue-on-collection-errors", FASTEST_ONLY, "-n", "2", "--engine=pytest"], "pytest"),
    # Session hooks that print: the whole output compares
    # (FULL_OUTPUT_SUITES), under both engines.
    ("session_hooks", [], "native"),
    ("session_hooks", ["-rA"], "native"),
    ("session_hooks", ["-rA", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    # What the workers' session end prints goes nowhere, as under xdist;
    # the parent prints it once.
    ("session_hooks", [FASTEST_ONLY, "-n", "2"], "native"),
    ("session_hooks", [FASTEST_ONLY, "-n", "2", "--engine=pytest"], "pytest"),
    # Its pytest_sessionfinish turns "no tests collected" (5) into 0.
    ("session_hooks", ["-k", "nothing_matches"], "native"),
    ("session_hooks", ["-k", "nothing_matches", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    # pytest runs the session hooks for --collect-only too.
    ("session_hooks", ["--collect-only"], "native"),
    # A pytest_runtestloop wrapper's end sees the whole run, in-process and
    # with workers (the parent wraps them all).
    ("runtestloop", [], "pytest"),
    ("runtestloop", ["-x"], "pytest"),
    ("runtestloop", [FASTEST_ONLY, "-n", "2"], "pytest"),
    ("runtestloop", ["-x", FASTEST_ONLY, "--strategy=fullparallel"], "pytest"),
    # pytest-cov's table (FULL_OUTPUT_SUITES) counts the lines fixtures run
    # at setup and teardown, in-process and in workers (each saves its
    # data, the parent combines them); -n does not put pytest-cov in its
    # xdist mode.
    ("coverage", ["--cov=measured"], "pytest"),
    ("coverage", ["--cov=measured", "--cov-branch", "--cov-report=term-missing", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("coverage", ["--cov=measured", "--cov-report=term-missing", FASTEST_ONLY, "--strategy=fullparallel"], "pytest"),
    ("coverage", ["--cov=measured", "-x", FASTEST_ONLY, "--strategy=warmworkers"], "pytest"),
    # Every test passes, the coverage is below the bar: pytest-cov fails
    # the run (exit 1).
    ("coverage", ["--cov=measured", "--cov-fail-under=95", "-k", "not fails", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("coverage", ["--cov=measured", "--cov-fail-under=95", "-k", "not fails"], "pytest"),
    ("plugins", ["--greeting=hi"], "pytest"),
    ("plugins", [], "pytest"),
    ("plugins", ["--no-such-option"], "pytest"),
    ("doctests", ["--doctest-modules"], "pytest"),
    ("doctests", ["--doctest-modules", "--doctest-glob=*.txt"], "pytest"),
    # A text file named on the command line is a doctest file to pytest.
    ("doctests", ["notes.txt", "test_arith.py"], "pytest"),
    # A handler an initial conftest put on pytest's captured stderr keeps
    # writing into the test's captured output in a forked worker.
    ("conftest_logging", ["-rA"], "pytest"),
    ("conftest_logging", ["-rA", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("conftest_logging", ["-rA", "-p", "no:logging", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("internals", [], "pytest"),
    # internal_imports: pytest's public names imported from its internal
    # modules (_pytest.outcomes' exceptions, a typed conftest's Config and
    # FixtureRequest, MonkeyPatch...) by a test module, a conftest and a
    # helper (sympy's pattern) are the native engine's own: the run stays
    # native; a wildcard import, or a name pytest does not export, does not.
    ("internal_imports", ["-rA", "test_internal_imports.py"], "native"),
    ("internal_imports", ["-rA", "test_internal_imports.py", FASTEST_ONLY, "-n", "2"], "native"),
    ("internal_imports", ["test_wildcard_outcomes.py"], "pytest"),
    ("internal_imports", ["test_unserved_internals.py"], "pytest"),
    # ... nor a helper importing such a name, as the native engine collects.
    ("internal_imports", ["test_unserved_helper.py"], "pytest"),
    # Only a helper module the test module imports imports _pytest: the
    # native engine notices as it collects, and hands the run over.
    ("internals", ["test_helpers_internals.py"], "pytest"),
    ("internals", ["test_helpers_internals.py", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("installed", [], "pytest"),
    ("installed", ["-p", "no:asyncio"], "pytest"),
    # native_hooks: only the hooks the native engine runs (docs/engines.md).
    ("native_hooks", [], "native"),
    ("native_hooks", ["-k", "generated or slow"], "native"),
    ("native_hooks", ["-m", "not late", "-x"], "native"),
    ("native_hooks", ["--collect-only"], "native"),
    # A mark its pytest_itemcollected adds: -m sees it.
    ("native_hooks", ["-m", "seen and not late"], "native"),
    # Options the conftest defines: parsed natively, the run stays native.
    ("native_hooks", ["--runslow"], "native"),
    ("native_hooks", ["--level=2", "--name", "x", "--tag", "a", "--tag=b", "--loud", "--loud", "--no-drop"], "native"),
    ("native_hooks", ["--runslow", "--no-such-option"], "pytest"),
    # param_ids: pytest_make_parametrize_id in two conftests (the later
    # one answering first, for every test module: pytest loads every
    # conftest before it imports the first), with ids= functions, explicit
    # ids and a fixture's params; --collect-only imports for it.
    ("param_ids", [], "native"),
    ("param_ids", ["--collect-only"], "native"),
    ("param_ids", ["-k", "three or keys"], "native"),
    ("param_ids", ["test_ids.py::test_dicts[keys:a+b]", "sub/test_sub.py::test_numbers[three]"], "native"),
    ("param_ids", [FASTEST_ONLY, "-n", "2"], "native"),
    ("param_ids", [FASTEST_ONLY, "--engine=pytest"], "pytest"),
    # runtest_hooks: pytest_runtest_setup/call/teardown/makereport and
    # pytest_assertrepr_compare, plain, tryfirst, trylast and hookwrappers,
    # in nested and sibling conftests.
    ("runtest_hooks", [], "native"),
    ("runtest_hooks", ["--network", "-rA"], "native"),
    # Each phase's captured output, in the JUnit XML: the hooks' order.
    ("runtest_hooks", ["-o", "junit_logging=all"], "native"),
    ("runtest_hooks", ["--capture=sys", "-rA"], "native"),
    ("runtest_hooks", ["-s"], "native"),
    ("runtest_hooks", ["-x"], "native"),
    # What the phases' hookwrappers write around pytest's capture lands
    # within the progress line under the pytest engine too.
    ("runtest_hooks", ["-rA", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    # What a worker writes past the capture reaches the terminal when it
    # does (as under xdist): not the lines the hooks write for test_forced
    # and test_xfail_seen.
    ("runtest_hooks", ["-rA", "-k", "not forced and not xfail_seen", FASTEST_ONLY, "--strategy=warmworkers", "-n", "2"], "native"),
    # pytest_runtest_logreport in an initial conftest (printing after the
    # report's progress) and in a subfolder's as a hookwrapper changing the
    # report; with workers, the parent hears every report again (output
    # and session end as pytest's). pytest_terminal_summary counting the
    # reports by category, deselected items among them; logstart and
    # logfinish printing around an item; pytest_collection_finish.
    ("report_hooks", ["--loud-reports", "-rA"], "native"),
    # The subfolder's conftest prints before the report's progress, as
    # pytest calls it before its reporter (in-process: a worker's report
    # reaches the reporters before the parent's hooks hear it again).
    ("report_hooks", ["--loud-reports", "--loud-sub", "-rA"], "native"),
    # The pytest engine's reporter is the console too: what the report
    # hooks print goes where pytest's terminal puts it, in-process and with
    # workers (theirs dropped, the parent's once).
    ("report_hooks", ["--loud-reports", "--loud-sub", "-rA", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("report_hooks", ["--loud-reports", "-rA", FASTEST_ONLY, "--engine=pytest", "-n", "2"], "pytest"),
    ("report_hooks", ["--loud-reports", "-v", "-x"], "native"),
    ("report_hooks", ["--loud-reports", "-rA", FASTEST_ONLY, "-n", "2"], "native"),
    ("report_hooks", ["--loud-reports", "-v", FASTEST_ONLY, "--strategy=fullparallel"], "native"),
    # pytest_warning_recorded (the pytest engine's) hears every warning,
    # the workers' too: the parent hears them again, as xdist's controller
    # does (among them a warning class nested in a class, which xdist's
    # controller fails to find, and one whose __init__ does not take its
    # args, which it gives as a Warning).
    ("warning_hooks", [], "pytest"),
    ("warning_hooks", ["-rA", FASTEST_ONLY, "-n", "2"], "pytest"),
    ("warning_hooks", [FASTEST_ONLY, "--strategy=fullparallel"], "pytest"),
    ("report_hooks", ["-k", "values or sub"], "native"),
    ("report_hooks", ["-k", "values or sub", FASTEST_ONLY, "-n", "2"], "native"),
    ("report_hooks", ["-k", "nothing_matches"], "native"),
    ("report_hooks", ["--collect-only"], "native"),
    ("interrupted", ["-k", "not exit", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("interrupted", ["-k", "not keyboard", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("interrupted", ["-k", "not exit", FASTEST_ONLY, "--engine=pytest", "--strategy=warmworkers"], "pytest"),
    # A test sets session.shouldstop: pytest's loop raises Interrupted.
    ("interrupted", ["-k", "stop or after"], "native"),
    ("interrupted", ["-k", "stop or after", FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("plain", [], "native"),
    ("plain", [FASTEST_ONLY, "--engine=pytest"], "pytest"),
    ("plain", ["-p", "pytest_mock"], "pytest"),
    # A hook removing items without deselecting them.
    ("dropped", [], "native"),
    ("dropped", [FASTEST_ONLY, "--engine=pytest"], "pytest"),
    # An installed plugin with a hook the native engine does not run; blocked
    # by its entry-point name, the native engine runs as pytest does.
    ("installed_hooks", [], "pytest"),
    ("installed_hooks", ["-p", "no:skip_slow"], "native"),
]

# Suites whose whole output must be pytest's, but for the lines naming the
# tool (platform, plugins, fastest's strategy line), each tool's JUnit XML
# file and the times.
FULL_OUTPUT_SUITES = {"session_hooks", "coverage", "report_hooks", "conftest_logging", "interrupted", "warning_hooks"}
TOOL_LINES = ("platform ", "plugins: ", "strategy: ", " generated xml file: ")
DURATION = re.compile(r" in [\d.]+s\b")

# Suites whose folder "site" holds installed distributions: on PYTHONPATH.
SITE_SUITES = {"installed_hooks"}

# Suites both engines run: outcomes must not depend on the engine.
AB_SCENARIOS = [
    ("session_hooks", []),
    ("session_hooks", ["-k", "nothing_matches"]),
    ("native_hooks", []),
    ("native_hooks", ["--runslow", "--level", "2"]),
    ("plain", []),
    ("plain", ["-m", "fast"]),
    ("dropped", []),
    ("report_hooks", []),
    ("runtest_hooks", ["-rA"]),
    ("param_ids", []),
    ("internal_imports", ["-rA", "test_internal_imports.py"]),
]


def run(command, cwd, coverage_file=os.devnull):
    """(exit code, output); pytest-cov's data file goes to coverage_file,
    out of the source tree."""
    environment = dict(os.environ, COLUMNS="80", PYTHONHASHSEED="0", COVERAGE_FILE=coverage_file)
    if os.path.basename(cwd) in SITE_SUITES:
        environment["PYTHONPATH"] = os.path.join(cwd, "site")
    for name in ("PYTEST_ADDOPTS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD", "PYTEST_PLUGINS"):
        environment.pop(name, None)
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def masked_xml(path):
    if not os.path.exists(path):
        return ["(no file)"]
    with open(path, encoding="utf-8") as stream:
        text = ADDRESS.sub("0x?", XML_VOLATILE.sub(r'\1="X"', stream.read()))
        return text.replace("><", ">\n<").splitlines()


def header_lines(out):
    """The header between the platform line and "collect...": rootdir,
    plugins and pytest_report_header's lines (fastest's own strategy line
    and -v's cachedir line left out)."""
    lines = out.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("platform ")), None)
    if start is None:
        return []
    header = []
    for line in lines[start + 1:]:
        if line.startswith("collect"):
            break
        if not line.startswith(("strategy: ", "cachedir: ")):
            header.append(line)
    return header


def hook_summary_lines(out):
    """The sections pytest_terminal_summary implementations wrote: every
    "=" section but pytest's own, up to the statistics line."""
    kept, inside = [], False
    for line in out.splitlines():
        if STATISTICS_LINE.match(line):
            break
        if line.startswith("=") and line.endswith("="):
            inside = line.strip("= ") not in PYTEST_SECTIONS
        if inside:
            kept.append(line)
    return kept


def output_lines(out):
    return [DURATION.sub(" in Xs", line) for line in out.splitlines() if not line.lstrip("-").startswith(TOOL_LINES)]


def compare(fastest, suites, suite, args, engine):
    cwd = os.path.join(suites, suite)
    fastest_args = [arg for arg in args if arg != FASTEST_ONLY]
    if FASTEST_ONLY in args:
        args = args[: args.index(FASTEST_ONLY)]
    problems = []
    # -v for the outcome lines; --collect-only's listing stays fastest's
    # own without it (with it, fastest hands the run to pytest).
    verbose = [] if "--collect-only" in args else ["-v"]
    with tempfile.TemporaryDirectory() as scratch:
        pytest_xml, fastest_xml = os.path.join(scratch, "p.xml"), os.path.join(scratch, "f.xml")
        pytest_code, pytest_out = run(PYTEST + verbose + [f"--junitxml={pytest_xml}"] + args, cwd,
                                      os.path.join(scratch, "p.coverage"))
        fastest_code, fastest_out = run([fastest, *verbose, f"--junitxml={fastest_xml}"] + NO_CACHE + fastest_args, cwd,
                                        os.path.join(scratch, "f.coverage"))
        if masked_xml(pytest_xml) != masked_xml(fastest_xml):
            problems.append(diff("junit xml", masked_xml(pytest_xml), masked_xml(fastest_xml)))
    if pytest_code != fastest_code:
        problems.append(f"exit code: pytest {pytest_code}, fastest {fastest_code}")
    if outcome_lines(pytest_out) != outcome_lines(fastest_out):
        problems.append(diff("outcomes", outcome_lines(pytest_out), outcome_lines(fastest_out)))
    if summary_line(pytest_out) != summary_line(fastest_out):
        problems.append(f"summary: pytest {summary_line(pytest_out)!r}, fastest {summary_line(fastest_out)!r}")
    if suite in FULL_OUTPUT_SUITES:
        pytest_lines = output_lines(pytest_out)
        if engine == "native":
            pytest_lines = [line for line in pytest_lines if not line.startswith(NOT_NATIVE_HEADER)]
        if pytest_lines != output_lines(fastest_out):
            problems.append(diff("output", pytest_lines, output_lines(fastest_out)))
    if hook_summary_lines(pytest_out) != hook_summary_lines(fastest_out):
        problems.append(diff("terminal summary", hook_summary_lines(pytest_out), hook_summary_lines(fastest_out)))
    pytest_header = header_lines(pytest_out)
    if engine == "native":
        pytest_header = [line for line in pytest_header if not line.startswith(NOT_NATIVE_HEADER)]
    if pytest_header != header_lines(fastest_out):
        problems.append(diff("header", pytest_header, header_lines(fastest_out)))
    chosen = ENGINE_LINE.search(fastest_out)
    if pytest_code != 4 and (not chosen or chosen.group(1) != engine):
        problems.append(f"engine: expected {engine}, header says {chosen.group(0) if chosen else None!r}")
    return len(outcome_lines(pytest_out)), problems


def compare_engines(fastest, suites, suite, args):
    cwd = os.path.join(suites, suite)
    native_code, native_out = run([fastest, "-v", "--engine=native"] + NO_CACHE + args, cwd)
    pytest_code, pytest_out = run([fastest, "-v", "--engine=pytest"] + NO_CACHE + args, cwd)
    problems = []
    if native_code != pytest_code:
        problems.append(f"exit code: native {native_code}, pytest {pytest_code}")
    if outcome_lines(native_out) != outcome_lines(pytest_out):
        problems.append(diff("outcomes", outcome_lines(native_out), outcome_lines(pytest_out)))
    if summary_line(native_out) != summary_line(pytest_out):
        problems.append(f"summary: native {summary_line(native_out)!r}, pytest {summary_line(pytest_out)!r}")
    return len(outcome_lines(native_out)), problems


def main():
    fastest = os.path.abspath(sys.argv[1])
    suites = os.path.join(os.path.abspath(sys.argv[2]), "tests", "pytest_mode", "suites")
    checks = [(f"{suite} {' '.join(args)}", lambda s=suite, a=args, e=engine: compare(fastest, suites, s, a, e))
              for suite, args, engine in SCENARIOS]
    checks += [(f"A/B {suite} {' '.join(args)}", lambda s=suite, a=args: compare_engines(fastest, suites, s, a))
               for suite, args in AB_SCENARIOS]
    failures = compared = 0
    for label, check in checks:
        count, problems = check()
        compared += count
        print(f"{'ok  ' if not problems else 'FAIL'} {label.strip()} ({count} outcomes)")
        for problem in problems:
            print("    " + problem)
        failures += bool(problems)
    print(f"{len(checks) - failures}/{len(checks)} scenarios identical, {compared} outcomes compared")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
