"""assertion-compat: fastest's rewritten asserts must say exactly what pytest's say.

For each verbosity (default, -v, -vv) this runs the corpus under real pytest,
recording each failing test's AssertionError text (record_pytest_messages.py),
then runs the same test functions from modules compiled by
fastest.assertion.rewrite.rewrite_module and requires identical texts.

    compare_with_pytest.py PYTHON_SOURCE_DIR [CORPUS_DIR]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import types
from pathlib import Path
from typing import Callable, Dict, Iterator, Tuple

HERE = Path(__file__).resolve().parent
VERBOSITY_FLAGS = {0: [], 1: ["-v"], 2: ["-vv"]}
_ADDRESS = re.compile(r"(0x)?[0-9a-f]{8,}")


def comparable(message: str) -> str:
    """Object addresses differ between processes; nothing else may."""
    return _ADDRESS.sub("0xADDR", message)


def clean_environment() -> Dict[str, str]:
    """No CI markers (they change pytest's truncation) and no stray bytecode."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "BUILD_NUMBER", "PYTEST_ADDOPTS")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def pytest_messages(corpus: Path, verbosity: int) -> Dict[str, str]:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "messages.json"
        env = clean_environment()
        env["FASTEST_ASSERT_MESSAGES"] = str(output)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "pytest", "-p", "record_pytest_messages", "-p", "no:cacheprovider",
                   "--rootdir", str(corpus), *VERBOSITY_FLAGS[verbosity], str(corpus)]  # fmt: skip
        subprocess.run(command, cwd=corpus, env=env, stdout=subprocess.DEVNULL, check=False)
        recorded = json.loads(output.read_text(encoding="utf-8"))
        return {node_id: comparable(message) for node_id, message in recorded.items()}


def load_rewritten(path: Path, rewrite_module: Callable) -> types.ModuleType:
    source = path.read_bytes()
    code = rewrite_module(source, str(path))
    if code is None:
        code = compile(source, str(path), "exec", dont_inherit=True)
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    sys.modules[path.stem] = module
    exec(code, module.__dict__)
    return module


def collected_tests(module: types.ModuleType, file_name: str) -> Iterator[Tuple[str, Callable[[], object]]]:
    for name, value in list(vars(module).items()):
        if name.startswith("test") and callable(value) and not isinstance(value, type):
            yield f"{file_name}::{name}", value
        elif name.startswith("Test") and isinstance(value, type):
            for method in vars(value):
                if method.startswith("test"):
                    yield f"{file_name}::{name}::{method}", getattr(value(), method)


def fastest_messages(corpus: Path, verbosity: int) -> Dict[str, str]:
    from fastest.assertion import runtime
    from fastest.assertion.rewrite import rewrite_module

    runtime.set_verbosity(verbosity)
    messages: Dict[str, str] = {}
    for path in sorted(corpus.glob("test_*.py")):
        module = load_rewritten(path, rewrite_module)
        for node_id, test in collected_tests(module, path.name):
            try:
                test()
            except AssertionError as exc:
                messages[node_id] = comparable(str(exc))
    return messages


def main() -> int:
    sys.path.insert(0, sys.argv[1])
    corpus = Path(sys.argv[2] if len(sys.argv) > 2 else HERE / "corpus").resolve()
    for key in ("CI", "BUILD_NUMBER"):
        os.environ.pop(key, None)
    total = mismatches = 0
    for verbosity in VERBOSITY_FLAGS:
        expected = pytest_messages(corpus, verbosity)
        actual = fastest_messages(corpus, verbosity)
        for node_id in sorted(set(expected) | set(actual)):
            total += 1
            want, got = expected.get(node_id), actual.get(node_id)
            if want != got:
                mismatches += 1
                print(f"MISMATCH (verbosity {verbosity}) {node_id}\n--- pytest:\n{want}\n--- fastest:\n{got}\n")
    print(f"assertion-compat: {total - mismatches}/{total} messages identical to pytest's (verbosity 0, 1, 2)")
    return 1 if mismatches or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
