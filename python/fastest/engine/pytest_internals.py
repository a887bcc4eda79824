"""Notices the suite importing pytest's internals, ``_pytest``, which the
native engine does not provide: its light ``pytest`` module stands in for
pytest's API, not for the modules behind it (joblib's tests import
joblib/testing.py, which reads ``_pytest.runner.Skipped``: an
AttributeError without pytest's own imports, and skip exceptions the
native engine would not know).

Static discovery sees such imports in test modules and conftests
(PLAN_FILE_USES_PYTEST_INTERNALS); this finder, first on sys.meta_path
while the native engine collects, sees those of the modules they import.
It finds nothing itself: it notes which file asked first, and the engine's
``Session.pytest_need`` sends the run to the pytest engine."""
from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


class PytestInternalsWatch:
    def __init__(self, rootdir: str) -> None:
        self._rootdir = rootdir
        # The first file importing _pytest, as the header names it.
        self.importer: Optional[str] = None

    def find_spec(self, name, path=None, target=None):
        if name == "_pytest" and self.importer is None:
            self.importer = self._importing_file(past_fastest=False)
        return None

    def note_unserved(self) -> None:
        """A module served_internals.py serves was asked for a name it does
        not serve (pytest's own module gets imported for it): the suite's
        file that asked imports _pytest."""
        if self.importer is None:
            self.importer = self._importing_file(past_fastest=True)

    def _importing_file(self, past_fastest: bool) -> Optional[str]:
        """The file whose code asked for the import: the first frame past
        the import machinery (importlib's frozen and library frames), and
        past fastest's own when ``past_fastest``; else None when it is
        fastest's own (pytest_sites finds where pytest's files are, without
        importing them)."""
        skipped = ("importlib", "fastest") if past_fastest else ("importlib",)
        frame = sys._getframe(2)
        while frame is not None and (
            frame.f_code.co_filename.startswith("<") or frame.f_globals.get("__name__", "").partition(".")[0] in skipped
        ):
            frame = frame.f_back
        if frame is None:
            return "a module"
        if frame.f_globals.get("__name__", "").partition(".")[0] == "fastest":
            return None
        filename = frame.f_code.co_filename
        inside = filename.startswith(os.path.join(self._rootdir, ""))
        return os.path.relpath(filename, self._rootdir) if inside else filename


def watch_pytest_internals(rootdir: str) -> PytestInternalsWatch:
    """Puts a watch first on sys.meta_path and returns it."""
    watch = PytestInternalsWatch(rootdir)
    sys.meta_path.insert(0, watch)
    return watch
