"""Runs pytest (the oracle) and fastest's engine driver on the same corpus
and requires identical ``node_id -> outcome`` maps in the same order.

    compare.py [CORPUS_DIR] [PYTHON_PACKAGE_DIR] [BUILTIN_FIXTURES_DIR]

The builtin fixtures (tmp_path, monkeypatch, caplog, ...) come from the
fixture-provider plugin's Python package, as in a real run.

Prints the differences and exits 1 when they differ; prints both wall times.
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def _lines(text):
    return [line for line in text.splitlines() if line.strip()]


def run_pytest(corpus):
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as outcomes:
        env = dict(os.environ, FASTEST_OUTCOMES_FILE=outcomes.name, PYTHONPATH=HERE)
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/python3", "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:asyncio", "-p", "outcome_plugin", "--continue-on-collection-errors", "-q", "."],
            cwd=corpus, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - started
        return _lines(outcomes.read()), elapsed


def run_fastest(corpus, package_dir, fixtures_dir):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_dir, fixtures_dir]))
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/python3", "-m", "fastest.engine.main", "."], cwd=corpus, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
    return _lines(result.stdout), elapsed


def main():
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "compat"))
    package_dir = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "python"))
    fixtures_dir = os.path.abspath(
        sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "..", "..", "plugins", "fixtures", "builtin", "python")
    )
    expected, pytest_time = run_pytest(corpus)
    actual, fastest_time = run_fastest(corpus, package_dir, fixtures_dir)
    print(f"pytest: {len(expected)} nodes in {pytest_time:.2f}s; fastest engine: {len(actual)} nodes in {fastest_time:.2f}s")
    if expected == actual:
        print("identical outcomes")
        return 0
    import difflib

    sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in expected], [l + "\n" for l in actual], "pytest", "fastest"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
