def pytest_addoption(parser):
    parser.addini("declared_by_conftest", "an ini key this suite declares")
