"""Runs a capture corpus module the way the engine drives fastest.capture.

Usage: capture_harness.py METHOD MODULE_PATH OUT_JSON.  Every test function
runs its setup (module fixtures and the capture fixtures), call and
teardown, each inside ``CaptureManager.phase()``; the reports (outcome and
"Captured ..." sections, accumulated over the phases as pytest does) go to
OUT_JSON in the shape ``record_capture`` writes.
"""

import importlib.util
import inspect
import json
import os
import sys

sys.dont_write_bytecode = True  # corpus imports leave no caches in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.realpath(__file__)))), "python"))

from fastest.capture import CaptureManager  # noqa: E402
from fastest.capture import fixtures as capture_fixtures  # noqa: E402

CAPTURE_FIXTURES = {"capsys", "capsysbinary", "capfd", "capfdbinary"}


class FixtureError(Exception):
    pass


class Request:
    def __init__(self, name):
        self.fixturename = name

    def raiseerror(self, message):
        raise FixtureError(message)


def fixture_generator(module, name):
    if name in CAPTURE_FIXTURES:
        function = getattr(capture_fixtures, name).__pytest_wrapped__.obj
        return function(Request(name))
    function = getattr(module, name).__pytest_wrapped__.obj
    result = function()
    if inspect.isgenerator(result):
        return result
    return iter([result])


def run_test(module, nodeid, function, manager):
    reports = []
    sections = []
    finalizers = []

    def run_phase(when, action):
        outcome = "passed"
        with manager.phase() as captured:
            try:
                action()
            except BaseException:
                outcome = "failed"
        for key, text in (("stdout", captured.out), ("stderr", captured.err)):
            if text:
                sections.append([f"Captured {key} {when}", text])
        reports.append({"nodeid": nodeid, "when": when, "outcome": outcome,
                        "sections": [list(s) for s in sections]})
        return outcome

    kwargs = {}

    def setup():
        for name in inspect.signature(function).parameters:
            generator = fixture_generator(module, name)
            kwargs[name] = next(generator)
            finalizers.append(generator)

    def teardown():
        for generator in reversed(finalizers):
            next(generator, None)

    if run_phase("setup", setup) == "passed":
        run_phase("call", lambda: function(**kwargs))
    run_phase("teardown", teardown)
    return reports


def main():
    method, module_path, out_path = sys.argv[1:]
    spec = importlib.util.spec_from_file_location("capture_corpus_module", module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    prefix = os.path.relpath(module_path)
    manager = CaptureManager(method)
    manager.start()
    reports = []
    for name, function in vars(module).items():
        if name.startswith("test_") and inspect.isfunction(function):
            reports.extend(run_test(module, f"{prefix}::{name}", function, manager))
    manager.stop()
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(reports, out, indent=1)


if __name__ == "__main__":
    main()
