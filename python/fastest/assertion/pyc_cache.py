"""Rewritten bytecode, cached beside the source as pytest caches its own:
the one cache of rewritten modules (the engine's import hook loads through
:func:`load_or_rewrite`).

The cache file is ``__pycache__/<stem>.<cache_tag>-fastest-<REWRITE_VERSION>.pyc``
(or under ``sys.pycache_prefix``), so it never collides with CPython's plain
``.pyc`` nor with pytest's ``-pytest-7.2.1.pyc``. Its header is CPython's:
magic number, zero flags, then the source's mtime and size (32 bits each,
little-endian), which must both match for the entry to be used. Files are
written whole under a temporary name and renamed into place, so concurrent
runs (workers) only ever see complete files; nothing is written when
``sys.dont_write_bytecode`` is set or the folder is not writable.

A cached entry names the file it was compiled from; a hit is renamed to the
source's current path (as CPython's own loader does), so a project copied
or moved with its ``__pycache__`` reports its tracebacks where it is now.
A cache hit costs a stat and a read: the rewriter (and ``ast`` behind it)
is imported only when a module must be rewritten.
"""
from __future__ import annotations

import marshal
import os
from _imp import _fix_co_filename
import sys
from importlib._bootstrap_external import MAGIC_NUMBER
from types import CodeType

from ..atomic_file import write_atomically

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

# Bump when the rewritten code changes shape, so older cache entries are ignored.
REWRITE_VERSION = "0.1"
CACHE_TAG = f"{sys.implementation.cache_tag}-fastest-{REWRITE_VERSION}"
_FLAGS = b"\x00\x00\x00\x00"
_HEADER_SIZE = 16


def cache_path(source: str) -> str:
    """Where the rewritten code of ``source`` (a path) is cached."""
    source = os.fspath(source)
    folder, filename = os.path.split(source)
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, os.path.dirname(os.path.realpath(source)).lstrip(os.sep))
    else:
        folder = os.path.join(folder, "__pycache__")
    return os.path.join(folder, f"{os.path.splitext(filename)[0]}.{CACHE_TAG}.pyc")


def _header(stat: os.stat_result) -> bytes:
    mtime = (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little")
    return MAGIC_NUMBER + _FLAGS + mtime + (stat.st_size & 0xFFFFFFFF).to_bytes(4, "little")


def _read(pyc: str, stat: os.stat_result) -> Optional[CodeType]:
    try:
        with open(pyc, "rb") as cached:
            if cached.read(_HEADER_SIZE) != _header(stat):
                return None
            # loads() of the whole rest: load() on a file reads it object by
            # object, 8x slower (170 against 22 us for a 50-test module).
            code = marshal.loads(cached.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def load_or_rewrite(path: str) -> CodeType:
    """The module code for ``path`` with its asserts rewritten (plain when it
    opts out), from the cache when the source is unchanged. Raises OSError when
    the source cannot be read, SyntaxError when it does not compile."""
    stat = os.stat(path)
    pyc = cache_path(path)
    code = _read(pyc, stat)
    if code is not None:
        _fix_co_filename(code, path)
        return code
    from .rewrite import rewrite_module

    with open(path, "rb") as source_file:
        source = source_file.read()
    code = rewrite_module(source, path)
    if code is None:
        code = compile(source, path, "exec", dont_inherit=True)
    if not sys.dont_write_bytecode:
        write_atomically(pyc, _header(stat) + marshal.dumps(code))
    return code
