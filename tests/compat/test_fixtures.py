import pytest

order = []


@pytest.fixture(scope="module")
def mod():
    order.append("mod")
    yield "mod"
    order.append("mod-end")


@pytest.fixture
def func(mod):
    order.append("func")
    return mod + "func"


@pytest.fixture(autouse=True)
def auto():
    order.append("auto")


def test_one(func):
    assert func == "modfunc"


def test_order():
    assert order[:4] == ["mod", "auto", "func", "auto"]


@pytest.fixture
def shared(shared):
    return shared + "-overridden"


def test_override_requests_parent(shared):
    assert shared == "root-overridden"


@pytest.fixture(name="renamed")
def _renamed_impl():
    return 42


def test_named_fixture(renamed):
    assert renamed == 42


@pytest.fixture
def uses_request(request):
    return request.fixturename, request.scope, request.function.__name__, request.module.__name__


def test_request_attributes(uses_request):
    assert uses_request == ("uses_request", "function", "test_request_attributes", "test_fixtures")


def test_getfixturevalue(request):
    assert request.getfixturevalue("renamed") == 42


def test_addfinalizer(request):
    request.addfinalizer(lambda: order.append("fin"))


def test_finalizer_ran():
    assert "fin" in order


@pytest.fixture
def rec_a(rec_b):
    pass


@pytest.fixture
def rec_b(rec_a):
    pass


def test_recursive(rec_a):
    pass


@pytest.fixture(scope="session")
def wide(narrow):
    pass


@pytest.fixture
def narrow():
    pass


def test_scope_mismatch(wide):
    pass


@pytest.mark.usefixtures("auto_counter")
def test_usefixtures():
    assert counter == [1]


counter = []


@pytest.fixture
def auto_counter():
    counter.append(1)


@pytest.fixture
def no_yield():
    if False:
        yield


def test_no_yield(no_yield):
    pass


class TestClassFixtures:
    @pytest.fixture(autouse=True)
    def setup_attr(self):
        self.value = 5

    def test_attr(self):
        assert self.value == 5

    @pytest.fixture(scope="class")
    def class_fix(self):
        return []

    def test_class_fix_1(self, class_fix):
        class_fix.append(1)

    def test_class_fix_2(self, class_fix):
        assert class_fix == [1]


@pytest.fixture
def pconfig(pytestconfig):
    return pytestconfig


def test_pytestconfig(pconfig, request):
    assert pconfig is request.config
    assert pconfig.getini("python_files") == ["test_*.py", "*_test.py"]
