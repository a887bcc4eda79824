"""What the coverage suite measures: lines its tests run, lines only
fixtures run (at setup and at teardown, session-scoped too), lines no test
runs, and a branch taken one way."""


def add(a, b):
    return a + b


def difference(a, b):
    if a > b:
        return a - b
    return b - a


def open_resource():
    return {"open": True}


def close_resource(resource):
    resource["open"] = False
    return resource


def end_of_session(log):
    log.append("session over")


def never_called():
    raise AssertionError("no test runs this")
