"""Captured output compared with pytest's, phase by phase.

For each capture method the corpus runs under pytest (``record_capture``
keeps every report's outcome and "Captured ..." sections) and under
``capture_harness.py``, which drives ``fastest.capture`` as the engine
does.  Outcomes must match (the corpus asserts what ``readouterr`` returns)
and so must every section's title and text.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
CORPUS = os.path.join("capture_corpus", "test_capture.py")
METHODS = {"fd": ["--capture=fd"], "sys": ["--capture=sys"], "no": ["-s"],
           "tee-sys": ["--capture=tee-sys"]}


def _run(args, env_name) -> list:
    with tempfile.NamedTemporaryFile(suffix=".json") as record:
        env = dict(os.environ, PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1",
                   **{env_name: record.name})
        subprocess.run(args, cwd=HERE, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        with open(record.name, encoding="utf-8") as stream:
            return json.load(stream)


def compare_method(method: str, flags: list) -> "tuple[int, list]":
    expected = _run([sys.executable, "-m", "pytest", CORPUS, "-p", "no:cacheprovider",
                     "-p", "record_capture", *flags], "FASTEST_CAPTURE_RECORD")
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, "capture_harness.py", method, CORPUS, out.name],
                       cwd=HERE, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        with open(out.name, encoding="utf-8") as stream:
            ours = {(r["nodeid"], r["when"]): r for r in json.load(stream)}
    problems = []
    for report in expected:
        key = (report["nodeid"], report["when"])
        mine = ours.get(key)
        if mine is None:
            problems.append(f"[{method}] {key}: no report")
        elif mine != report:
            problems.append(f"[{method}] {key}:\n  pytest:  {report}\n  fastest: {mine}")
    return len(expected), problems


def main() -> int:
    total, problems = 0, []
    for method, flags in METHODS.items():
        count, found = compare_method(method, flags)
        total += count
        problems.extend(found)
    for problem in problems:
        print(problem)
    print(f"capture: {total - len(problems)} of {total} phase reports match pytest"
          f" ({len(problems)} differences)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
