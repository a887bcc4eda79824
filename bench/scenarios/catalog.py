"""The benchmark scenarios: deterministic pytest suites, each written into a
folder of its own with a pytest.ini, so pytest, pytest-xdist and fastest
find the same rootdir and collect the same tests.

Every scenario is a `Scenario(name, description, write, args)`: `write(root)`
fills an empty folder, `args` are extra command-line arguments every tool
gets (the collect-only scenario's `--co -q`). Nothing here is random; the
same code writes byte-identical suites.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Sequence

# ~20 ms of pure-Python work on a 2020s x86 core (measured: 300,000 rounds of
# this loop take 19-21 ms on the benchmark machine with Debian's Python 3.11).
CPU_ROUNDS = 300_000


@dataclass
class Scenario:
    name: str
    description: str
    write: Callable[[Path], None]
    args: Sequence[str] = field(default_factory=list)


def _module(path: Path, lines: List[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).rstrip() + "\n")


def _chunks(total: int, per_file: int) -> List[int]:
    """File sizes that add up to total, per_file each (the last one less)."""
    sizes = [per_file] * (total // per_file)
    if total % per_file:
        sizes.append(total % per_file)
    return sizes


# --- simple: plain asserts on values ---------------------------------------

def _simple_test(index: int) -> List[str]:
    kind = index % 4
    if kind == 0:
        return [f"def test_arithmetic_{index}():", f"    assert {index} + {index} == {2 * index}", ""]
    if kind == 1:
        return [f"def test_string_{index}():", f"    assert 'item-{index}'.split('-') == ['item', '{index}']", ""]
    if kind == 2:
        return [f"def test_container_{index}():", f"    values = list(range({index % 17 + 3}))",
                f"    assert sum(values) == {sum(range(index % 17 + 3))}", ""]
    return [f"def test_raises_{index}():", "    with pytest.raises(ZeroDivisionError):",
            "        1 / 0", ""]


def simple(total: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        index = 0
        for number, size in enumerate(_chunks(total, 15)):
            lines = ["import pytest", ""]
            for _ in range(size):
                lines += _simple_test(index)
                index += 1
            _module(root / f"test_simple_{number:03d}.py", lines)
    return write


# --- fixture-heavy: every scope, yield teardown, builtin fixtures ----------

FIXTURE_CONFTEST = '''\
import pytest


@pytest.fixture(scope="session")
def settings():
    data = {"name": "bench", "retries": 3}
    yield data
    data.clear()


@pytest.fixture(scope="module")
def registry(settings):
    entries = [settings["name"]]
    yield entries
    entries.clear()


@pytest.fixture
def record(registry):
    registry.append("record")
    yield {"id": len(registry)}
    registry.pop()


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "data.txt").write_text("payload")
    return tmp_path
'''

_FIXTURE_TESTS = [
    ["def test_session_{i}(settings):", "    assert settings['retries'] == 3"],
    ["def test_module_{i}(registry, record):", "    assert registry[0] == 'bench' and record['id'] >= 2"],
    ["def test_tmp_path_{i}(workdir):", "    assert (workdir / 'data.txt').read_text() == 'payload'"],
    ["def test_capsys_{i}(capsys):", "    print('hello {i}')",
     "    assert capsys.readouterr().out == 'hello {i}\\n'"],
    ["def test_monkeypatch_{i}(monkeypatch):", "    monkeypatch.setenv('BENCH_VALUE', '{i}')",
     "    monkeypatch.setattr(os, 'sep', '|')", "    assert os.environ['BENCH_VALUE'] == '{i}' and os.sep == '|'"],
    ["def test_local_yield_{i}(resource):", "    assert resource == ['open']"],
]


def fixture_heavy(total: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        _module(root / "conftest.py", FIXTURE_CONFTEST.splitlines())
        index = 0
        for number, size in enumerate(_chunks(total, 25)):
            lines = ["import os", "", "import pytest", "", "",
                     "@pytest.fixture", "def resource():", "    handle = ['open']",
                     "    yield handle", "    handle.append('closed')", "", ""]
            for _ in range(size):
                body = _FIXTURE_TESTS[index % len(_FIXTURE_TESTS)]
                lines += [line.format(i=index) for line in body] + ["", ""]
                index += 1
            _module(root / f"test_fixtures_{number:03d}.py", lines)
    return write


# --- parametrized ------------------------------------------------------------

def parametrized(total: int) -> Callable[[Path], None]:
    """Three shapes in turn: one list of values, stacked decorators, and
    pytest.param with ids and marks; `total` items in all."""
    def write(root: Path) -> None:
        per = total // 3
        stacked = max(1, int(round((total - 2 * per) ** 0.5)))
        lines = ["import pytest", "", "",
                 f"@pytest.mark.parametrize('value', range({per}))",
                 "def test_square(value):", "    assert value * value >= value", "", "",
                 f"@pytest.mark.parametrize('left', range({stacked}))",
                 f"@pytest.mark.parametrize('right', range({(total - 2 * per) // stacked}))",
                 "def test_pair(left, right):", "    assert left + right == right + left", "", "",
                 "@pytest.mark.parametrize('text, expected', ["]
        for i in range(per):
            mark = ", marks=pytest.mark.slow" if i % 10 == 0 else ""
            lines.append(f"    pytest.param('w{i}', {len(f'w{i}')}, id='word{i}'{mark}),")
        lines += ["])", "def test_length(text, expected):", "    assert len(text) == expected"]
        _module(root / "test_parametrized.py", lines)
        (root / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: a slow case\n")
    return write


# --- class-based ---------------------------------------------------------------

def class_based(total: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        index = 0
        for number, size in enumerate(_chunks(total, 50)):
            lines = ["import pytest", ""]
            for group, methods in enumerate(_chunks(size, 10)):
                lines += ["", f"class TestGroup{group}:", "    @pytest.fixture(scope='class')",
                          "    def shared(self):", "        return {'calls': 0}", "",
                          "    def setup_method(self, method):", "        self.name = method.__name__", ""]
                for _ in range(methods):
                    lines += [f"    def test_method_{index}(self, shared):",
                              "        shared['calls'] += 1",
                              f"        assert self.name == 'test_method_{index}'", ""]
                    index += 1
            _module(root / f"test_classes_{number:03d}.py", lines)
    return write


# --- trivial, collect-only ---------------------------------------------------

def trivial(total: int, per_file: int = 100) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        index = 0
        for number, size in enumerate(_chunks(total, per_file)):
            lines: List[str] = []
            for _ in range(size):
                lines += [f"def test_{index}():", "    pass", ""]
                index += 1
            _module(root / f"pkg{number // 20:03d}" / f"test_trivial_{number:04d}.py", lines)
    return write


# --- CPU-bound -------------------------------------------------------------------

def cpu_bound(total: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        for number, size in enumerate(_chunks(total, 20)):
            lines = ["def work(rounds):", "    acc = 0", "    for i in range(rounds):",
                     "        acc = (acc * 31 + i) % 1000003", "    return acc", "", ""]
            for t in range(size):
                lines += [f"def test_cpu_{number}_{t}():", f"    assert work({CPU_ROUNDS}) >= 0", "", ""]
            _module(root / f"test_cpu_{number:03d}.py", lines)
    return write


# --- mixes shaped like real suites -----------------------------------------------

APP_MODULE = '''\
"""A tiny request router standing in for a web application."""
import json

USERS = {i: {"id": i, "name": f"user{i}"} for i in range(50)}


def handle(method, path, body=None):
    parts = [p for p in path.split("/") if p]
    if parts[:1] != ["users"]:
        return 404, json.dumps({"error": "not found"})
    if len(parts) == 1 and method == "GET":
        return 200, json.dumps(sorted(USERS))
    if len(parts) == 2 and method == "GET":
        user = USERS.get(int(parts[1]))
        return (200, json.dumps(user)) if user else (404, json.dumps({"error": "no user"}))
    if method == "POST":
        payload = json.loads(body)
        return 201, json.dumps({"id": len(USERS), **payload})
    return 405, json.dumps({"error": "method"})
'''

API_CONFTEST = '''\
import json

import pytest

from app import handle


class Client:
    def request(self, method, path, body=None):
        status, text = handle(method, path, None if body is None else json.dumps(body))
        return status, json.loads(text)


@pytest.fixture(scope="session")
def client():
    return Client()
'''


def api_mix(total: int) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        _module(root / "app.py", APP_MODULE.splitlines())
        _module(root / "tests" / "conftest.py", API_CONFTEST.splitlines())
        index = 0
        for number, size in enumerate(_chunks(total, 50)):
            lines = ["import pytest", "", ""]
            per = size // 2
            lines += [f"@pytest.mark.parametrize('user_id', range({per}))",
                      f"def test_get_user_{number}(client, user_id):",
                      "    status, body = client.request('GET', f'/users/{user_id % 60}')",
                      "    assert status == (200 if user_id % 60 < 50 else 404)", "", "",
                      f"class TestUsers{number}:"]
            index += per
            for t in range(size - per):
                lines += [f"    def test_create_{t}(self, client):",
                          f"        status, body = client.request('POST', '/users', {{'name': 'n{t}'}})",
                          f"        assert status == 201 and body['name'] == 'n{t}'", ""]
                index += 1
            _module(root / "tests" / f"test_api_{number:03d}.py", lines)
        (root / "pytest.ini").write_text("[pytest]\ntestpaths = tests\npythonpath = .\n")
    return write


INTEGRATION_CONFTEST = '''\
import sqlite3

import pytest


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "bench.sqlite"
    connection = sqlite3.connect(str(path))
    connection.execute("create table items (id integer primary key, name text)")
    connection.executemany("insert into items (name) values (?)", [(f"item{i}",) for i in range(100)])
    connection.commit()
    yield connection
    connection.close()


@pytest.fixture
def transaction(database):
    yield database
    database.rollback()
'''


def integration_mix(total: int) -> Callable[[Path], None]:
    """Database, files and short waits (a few ms, standing in for I/O)."""
    def write(root: Path) -> None:
        _module(root / "conftest.py", INTEGRATION_CONFTEST.splitlines())
        index = 0
        for number, size in enumerate(_chunks(total, 20)):
            lines = ["import json", "import time", "", ""]
            for _ in range(size):
                kind = index % 4
                if kind == 0:
                    lines += [f"def test_query_{index}(database):",
                              f"    row = database.execute('select name from items where id = ?', ({index % 100 + 1},)).fetchone()",
                              f"    assert row == ('item{index % 100}',)"]
                elif kind == 1:
                    lines += [f"def test_insert_{index}(transaction):",
                              f"    transaction.execute(\"insert into items (name) values ('new{index}')\")",
                              "    assert transaction.execute('select count(*) from items').fetchone()[0] == 101"]
                elif kind == 2:
                    lines += [f"def test_file_roundtrip_{index}(tmp_path):",
                              "    path = tmp_path / 'doc.json'",
                              f"    path.write_text(json.dumps({{'n': {index}}}))",
                              f"    assert json.loads(path.read_text())['n'] == {index}"]
                else:
                    lines += [f"def test_service_wait_{index}():", "    time.sleep(0.005)", "    assert True"]
                lines += ["", ""]
                index += 1
            _module(root / f"test_integration_{number:03d}.py", lines)
    return write


def unit_mix(total: int) -> Callable[[Path], None]:
    """Small fast tests: plain, parametrized, raises, a few skip/xfail."""
    def write(root: Path) -> None:
        index = 0
        for number, size in enumerate(_chunks(total, 40)):
            lines = ["import sys", "", "import pytest", "", ""]
            params = size // 4
            lines += [f"@pytest.mark.parametrize('n', range({params}))",
                      f"def test_double_{number}(n):", "    assert n * 2 == n + n", "", "",
                      "@pytest.mark.skipif(sys.platform == 'linux', reason='not on linux')",
                      f"def test_windows_only_{number}():", "    pass", "", "",
                      "@pytest.mark.xfail(reason='known bug')",
                      f"def test_known_bug_{number}():", "    assert 0.1 + 0.2 == 0.3", "", ""]
            for _ in range(size - params - 2):
                lines += _simple_test(index) + [""]
                index += 1
            _module(root / f"unit{number // 10:02d}" / f"test_unit_{number:03d}.py", lines)
    return write


def large_mix(total: int) -> Callable[[Path], None]:
    """Many packages, each with its own conftest, mixing the shapes above."""
    def write(root: Path) -> None:
        share = total // 4
        unit_mix(share * 2)(root / "unit")
        fixture_heavy(share // 2)(root / "fixtures")
        class_based(share // 2)(root / "classes")
        integration_mix(share // 4)(root / "integration")
        api_mix(total - 3 * share - share // 4)(root / "api")
        (root / "api" / "pytest.ini").unlink()
        _module(root / "conftest.py", ["import sys", "from pathlib import Path", "",
                                       "sys.path.insert(0, str(Path(__file__).parent / 'api'))"])
        (root / "pytest.ini").write_text("[pytest]\n")
    return write


SCENARIOS: List[Scenario] = [
    Scenario("simple-8", "8 plain tests in one file", simple(8)),
    Scenario("simple-35", "35 plain tests in 3 files", simple(35)),
    Scenario("simple-150", "150 plain tests in 10 files", simple(150)),
    Scenario("fixtures-15", "15 tests: session/module/function fixtures, yield teardown, tmp_path, capsys, monkeypatch", fixture_heavy(15)),
    Scenario("fixtures-50", "the same shapes, 50 tests", fixture_heavy(50)),
    Scenario("fixtures-300", "the same shapes, 300 tests", fixture_heavy(300)),
    Scenario("parametrized-75", "75 items from parametrize: lists, stacked, pytest.param", parametrized(75)),
    Scenario("classes-200", "200 methods in 20 classes, class fixtures, setup_method", class_based(200)),
    Scenario("trivial-1000", "1,000 empty tests, 100 per file", trivial(1000)),
    Scenario("trivial-5000", "5,000 empty tests, 100 per file", trivial(5000)),
    Scenario("cpu-200", "200 tests of ~20 ms pure-Python work each", cpu_bound(200)),
    Scenario("collect-10k", "10,000 tests, collection only (--co -q)", trivial(10000, 50), ["--co", "-q"]),
    Scenario("unit-mix", "600 unit tests: plain, parametrized, raises, skip, xfail", unit_mix(600)),
    Scenario("integration-mix", "120 tests: sqlite session fixture, transactions, tmp_path files, 5 ms waits", integration_mix(120)),
    Scenario("api-mix", "300 API tests against an in-process app, session client, classes", api_mix(300)),
    Scenario("large-mix", "3,000 tests across packages mixing all the shapes", large_mix(3000)),
]


def by_name() -> Dict[str, Scenario]:
    return {scenario.name: scenario for scenario in SCENARIOS}


def write_scenario(scenario: Scenario, root: Path) -> Path:
    """Writes scenario into root/<name> (which must not exist) and returns
    that folder. Every suite gets a pytest.ini unless it wrote its own."""
    folder = root / scenario.name
    folder.mkdir(parents=True)
    scenario.write(folder)
    if not (folder / "pytest.ini").exists():
        (folder / "pytest.ini").write_text("[pytest]\n")
    return folder
