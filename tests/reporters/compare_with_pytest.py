"""Runs a corpus of suites under real pytest (recording fastest events with
python/fastest/pytest_mode/report_events.py), replays the events through the
console reporter plugin, and diffs the two stdouts line for line. Session
times, the platform line (pytest/pluggy versions vs fastest's) and duration
values are masked. Exit 0 when every scenario matches."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
import textwrap

SUITE = {
    "test_basic.py": """
        import warnings, pytest
        def test_pass(): pass
        def test_fail():
            print("captured out")
            assert [1, 2] == [1, 3]
        @pytest.mark.skip(reason="not today")
        def test_skip(): pass
        def test_skip_inline(): pytest.skip("inline reason")
        @pytest.mark.xfail(reason="known bug")
        def test_xfail(): assert 0
        @pytest.mark.xfail
        def test_xpass(): pass
        @pytest.mark.xfail(strict=True, reason="strict")
        def test_xpass_strict(): pass
        def test_warns():
            warnings.warn("deprecated thing", DeprecationWarning)
        @pytest.mark.parametrize("n", [1, 2, 3])
        def test_param(n): assert n != 2
    """,
    "test_fixtures.py": """
        import pytest
        @pytest.fixture
        def broken_setup(): raise RuntimeError("setup exploded")
        @pytest.fixture
        def broken_teardown():
            yield 1
            print("tearing down")
            raise ValueError("teardown exploded")
        def test_setup_error(broken_setup): pass
        def test_teardown_error(broken_teardown): pass
        @pytest.fixture
        def noisy_teardown():
            yield 1
            print("noisy teardown")
        def test_fails_noisily(noisy_teardown): assert False
        def test_passes_noisily(noisy_teardown): print("noisy call")
        class TestGroup:
            def test_in_class(self): pass
            def test_in_class_fails(self): assert 1 == 0, "message here"
    """,
}
BROKEN = {"test_broken.py": "import does_not_exist\n"}
ALL_PASS = {"test_ok.py": "def test_a(): pass\ndef test_b(): pass\n"}

SCENARIOS = [
    ("default", SUITE, []),
    ("verbose", SUITE, ["-v"]),
    ("very verbose", SUITE, ["-vv"]),
    ("quiet", SUITE, ["-q"]),
    ("very quiet", SUITE, ["-qq"]),
    ("report all", SUITE, ["-rA"]),
    ("report passes", SUITE, ["-rP"]),
    ("report passed", SUITE, ["-rp"]),
    ("report passes no capture", SUITE, ["-rP", "--show-capture=no"]),
    ("tb short", SUITE, ["--tb=short"]),
    ("tb line", SUITE, ["--tb=line"]),
    ("tb no", SUITE, ["--tb=no"]),
    ("tb native", SUITE, ["--tb=native"]),
    ("exit first", SUITE, ["-x"]),
    ("durations", SUITE, ["--durations=3"]),
    ("deselect", SUITE, ["-k", "param or pass"]),
    ("collect only", SUITE, ["--co"]),
    ("collect only quiet", SUITE, ["--co", "-q"]),
    ("collect only deselect", SUITE, ["--co", "-q", "-k", "param"]),
    ("collection error", {**ALL_PASS, **BROKEN}, []),
    ("collection error verbose", {**ALL_PASS, **BROKEN}, ["-v"]),
    ("all pass", ALL_PASS, []),
    ("count style", SUITE, ["-o", "console_output_style=count"]),
    ("classic style", SUITE, ["-o", "console_output_style=classic"]),
    ("no tests", {"test_none.py": "x = 1\n"}, []),
]

# pytest dest -> how the scenario's flags set it, for host->option.
def options_for(flags):
    options = {"python_version": "3.11.2",
               "python_executable": "/usr/bin/python3"}
    verbose = 0
    i = 0
    while i < len(flags):
        flag = flags[i]
        if re.fullmatch(r"-v+", flag):
            verbose += len(flag) - 1
        elif re.fullmatch(r"-q+", flag):
            verbose -= len(flag) - 1
        elif flag.startswith("-r"):
            options["reportchars"] = flag[2:]
        elif flag.startswith("--tb="):
            options["tbstyle"] = flag[5:]
        elif flag == "-x":
            options["exitfirst"] = "1"
        elif flag.startswith("--durations="):
            options["durations"] = flag.split("=")[1]
        elif flag.startswith("--show-capture="):
            options["showcapture"] = flag.split("=")[1]
        elif flag == "--co":
            options["collectonly"] = "1"
        elif flag == "-o":
            key, value = flags[i + 1].split("=", 1)
            options["ini:" + key] = value
            i += 1
        elif flag == "-k":
            i += 1
        i += 1
    options["verbose"] = str(verbose)
    return options


def mask(text: str) -> str:
    text = re.sub(r"^platform linux -- .*$", "platform linux -- <masked>", text, flags=re.M)
    text = re.sub(r" in \d+\.\d\ds( \(\d+:\d\d:\d\d\))?", " in <time>", text)
    text = re.sub(r"^\d+\.\d\ds (setup|call|teardown)", r"<d> \1", text, flags=re.M)
    # the final line's "=" padding depends on the masked time's width
    return re.sub(r"^=+ (.* in <time>) =+$", r"= \1 =", text, flags=re.M)


def run_scenario(name, files, flags, args) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="fastest-console-") as root:
        for filename, source in files.items():
            with open(os.path.join(root, filename), "w") as handle:
                handle.write(textwrap.dedent(source))
        events = os.path.join(root, "events.bin")
        env = dict(os.environ, PYTHONPATH=args.python_path, FASTEST_EVENTS_FILE=events,
                   PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", COLUMNS="80")
        env.pop("NO_COLOR", None), env.pop("FORCE_COLOR", None), env.pop("CI", None)
        pytest = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "fastest.pytest_mode.report_events",
             "-p", "no:cacheprovider", *flags],
            cwd=root, env=env, capture_output=True, text=True)
        replay_args = [f"{k}={v}" for k, v in options_for(flags).items()]
        replay = subprocess.run([args.replay, args.plugin, events, *replay_args],
                                cwd=root, env=env, capture_output=True, text=True)
        if replay.returncode != 0:
            return [f"replay failed ({replay.returncode}): {replay.stderr}"]
        expected, actual = mask(pytest.stdout), mask(replay.stdout)
        return list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                         "pytest", "fastest console", lineterm=""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replay", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--python-path", required=True)
    parser.add_argument("--show", action="store_true", help="print the diffs")
    args = parser.parse_args()
    matched = 0
    for name, files, flags in SCENARIOS:
        diff = run_scenario(name, files, flags, args)
        status = "ok  " if not diff else "DIFF"
        matched += not diff
        print(f"{status} {name} ({' '.join(flags)})")
        for line in diff:
            print("    " + line)
    print(f"{matched}/{len(SCENARIOS)} scenarios match pytest's output")
    return 0 if matched == len(SCENARIOS) else 1


if __name__ == "__main__":
    sys.exit(main())
