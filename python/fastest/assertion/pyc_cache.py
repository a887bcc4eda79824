"""Rewritten bytecode, cached beside the source as pytest caches its own.

The cache file is ``__pycache__/<stem>.<cache_tag>-fastest-<REWRITE_VERSION>.pyc``
(or under ``sys.pycache_prefix``), so it never collides with CPython's plain
``.pyc`` nor with pytest's ``-pytest-7.2.1.pyc``. Its header is CPython's:
magic number, zero flags, then the source's mtime and size (32 bits each,
little-endian), which must both match for the entry to be used. Files are
written whole under a temporary name and renamed into place, so concurrent
runs (workers) only ever see complete files; nothing is written when
``sys.dont_write_bytecode`` is set or the folder is not writable.
"""
import importlib.util
import marshal
import os
import struct
import sys
import types
from pathlib import Path
from typing import Optional

from .rewrite import rewrite_module

# Bump when the rewritten code changes shape, so older cache entries are ignored.
REWRITE_VERSION = "0.1"
CACHE_TAG = f"{sys.implementation.cache_tag}-fastest-{REWRITE_VERSION}"
_FLAGS = b"\x00\x00\x00\x00"
_HEADER_SIZE = 16


def cache_path(source: Path) -> Path:
    """Where the rewritten code of ``source`` is cached."""
    if sys.pycache_prefix:
        folder = Path(sys.pycache_prefix) / Path(*source.resolve().parts[1:-1])
    else:
        folder = source.parent / "__pycache__"
    return folder / f"{source.stem}.{CACHE_TAG}.pyc"


def _header(stat: os.stat_result) -> bytes:
    return importlib.util.MAGIC_NUMBER + _FLAGS + struct.pack("<LL", int(stat.st_mtime) & 0xFFFFFFFF, stat.st_size & 0xFFFFFFFF)


def _read(pyc: Path, stat: os.stat_result) -> Optional[types.CodeType]:
    try:
        with open(pyc, "rb") as cached:
            if cached.read(_HEADER_SIZE) != _header(stat):
                return None
            code = marshal.load(cached)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _write(pyc: Path, stat: os.stat_result, code: types.CodeType) -> None:
    """Best effort: a cache that cannot be written costs time, never the run."""
    partial = pyc.with_name(f"{pyc.name}.{os.getpid()}")
    try:
        pyc.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as out:
            out.write(_header(stat) + marshal.dumps(code))
        os.replace(partial, pyc)
    except OSError:
        try:
            partial.unlink()
        except OSError:
            pass


def load_or_rewrite(path: str) -> types.CodeType:
    """The module code for ``path`` with its asserts rewritten (plain when it
    opts out), from the cache when the source is unchanged. Raises OSError when
    the source cannot be read, SyntaxError when it does not compile."""
    source_path = Path(path)
    stat = os.stat(source_path)
    pyc = cache_path(source_path)
    code = _read(pyc, stat)
    if code is not None:
        return code
    source = source_path.read_bytes()
    code = rewrite_module(source, path)
    if code is None:
        code = compile(source, path, "exec", dont_inherit=True)
    if not sys.dont_write_bytecode:
        _write(pyc, stat, code)
    return code
