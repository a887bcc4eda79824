"""``pytest.__version__``: the version of the pytest installed in the
environment (read from its distribution metadata, never by importing it),
or the version whose semantics fastest implements when none is installed."""
import sys

IMPLEMENTED_VERSION = "7.2.1"


def _installed_pytest_version() -> str:
    """Find pytest-*.dist-info / *.egg-info on sys.path and read its Version
    line; much cheaper than importlib.metadata."""
    import os

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            lowered = name.lower()
            if lowered.startswith("pytest-") and lowered.endswith((".dist-info", ".egg-info")):
                version = _read_version(os.path.join(entry, name))
                if version:
                    return version
    return IMPLEMENTED_VERSION


def _read_version(info_path: str) -> str:
    import os

    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info_path, filename), encoding="utf-8") as metadata:
                for line in metadata:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break
        except OSError:
            continue
    # A bare egg-info directory name still carries the version.
    parts = os.path.basename(info_path).split("-")
    return parts[1].rsplit(".", 1)[0] if len(parts) > 1 else ""


__version__ = _installed_pytest_version()
version_tuple = tuple(int(part) if part.isdigit() else part for part in __version__.split("."))
