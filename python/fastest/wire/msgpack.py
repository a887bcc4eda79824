"""A small msgpack codec for fastest's wire messages, standard library only.

Covers exactly what the engine's event dicts hold: None, bool, int (64-bit
signed or unsigned), float, str, bytes, list/tuple and dict. `unpackb` is
meant for input from another process that may be broken or hostile: every
length is checked against the bytes that remain, nesting is bounded, and any
malformation raises `MsgpackError` (never IndexError, MemoryError or a hang).
"""

from __future__ import annotations

import struct
from typing import Any, Callable, Dict, List

__all__ = ["MsgpackError", "packb", "unpackb"]

MAX_DEPTH = 64

_pack_u8 = struct.Struct(">B").pack
_pack_u16 = struct.Struct(">H").pack
_pack_u32 = struct.Struct(">I").pack
_pack_u64 = struct.Struct(">Q").pack
_pack_i8 = struct.Struct(">b").pack
_pack_i16 = struct.Struct(">h").pack
_pack_i32 = struct.Struct(">i").pack
_pack_i64 = struct.Struct(">q").pack
_pack_f64 = struct.Struct(">d").pack


class MsgpackError(ValueError):
    """Input that is not the msgpack this codec speaks; the text says why."""


def _length_header(length: int, fix_tag: int, fix_limit: int, tag8: int | None,
                   tag16: int, tag32: int) -> bytes:
    if length < fix_limit:
        return _pack_u8(fix_tag | length)
    if tag8 is not None and length <= 0xFF:
        return _pack_u8(tag8) + _pack_u8(length)
    if length <= 0xFFFF:
        return _pack_u8(tag16) + _pack_u16(length)
    if length <= 0xFFFFFFFF:
        return _pack_u8(tag32) + _pack_u32(length)
    raise MsgpackError(f"container of {length} entries is too long for msgpack")


def _pack_int(value: int, out: List[bytes]) -> None:
    if 0 <= value < 0x80 or -32 <= value < 0:
        out.append(_pack_i8(value) if value < 0 else _pack_u8(value))
    elif value >= 0:
        if value <= 0xFF:
            out.append(b"\xcc" + _pack_u8(value))
        elif value <= 0xFFFF:
            out.append(b"\xcd" + _pack_u16(value))
        elif value <= 0xFFFFFFFF:
            out.append(b"\xce" + _pack_u32(value))
        elif value <= 0xFFFFFFFFFFFFFFFF:
            out.append(b"\xcf" + _pack_u64(value))
        else:
            raise MsgpackError(f"integer {value} does not fit in 64 bits")
    elif value >= -0x80:
        out.append(b"\xd0" + _pack_i8(value))
    elif value >= -0x8000:
        out.append(b"\xd1" + _pack_i16(value))
    elif value >= -0x80000000:
        out.append(b"\xd2" + _pack_i32(value))
    elif value >= -0x8000000000000000:
        out.append(b"\xd3" + _pack_i64(value))
    else:
        raise MsgpackError(f"integer {value} does not fit in 64 bits")


def _pack(value: Any, out: List[bytes], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise MsgpackError(f"nesting deeper than {MAX_DEPTH} levels")
    if value is None:
        out.append(b"\xc0")
    elif value is True:
        out.append(b"\xc3")
    elif value is False:
        out.append(b"\xc2")
    elif isinstance(value, int):
        _pack_int(value, out)
    elif isinstance(value, float):
        out.append(b"\xcb" + _pack_f64(value))
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogateescape")
        out.append(_length_header(len(data), 0xA0, 32, 0xD9, 0xDA, 0xDB))
        out.append(data)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        out.append(_length_header(len(data), 0xC4, 0, 0xC4, 0xC5, 0xC6))
        out.append(data)
    elif isinstance(value, (list, tuple)):
        out.append(_length_header(len(value), 0x90, 16, None, 0xDC, 0xDD))
        for element in value:
            _pack(element, out, depth + 1)
    elif isinstance(value, dict):
        out.append(_length_header(len(value), 0x80, 16, None, 0xDE, 0xDF))
        for key, element in value.items():
            _pack(key, out, depth + 1)
            _pack(element, out, depth + 1)
    else:
        raise MsgpackError(f"cannot encode a {type(value).__name__}")


def packb(value: Any) -> bytes:
    """Encode value; raises MsgpackError for types outside the covered set."""
    out: List[bytes] = []
    _pack(value, out, 0)
    return b"".join(out)


class _Reader:
    """A cursor over one msgpack document; every read is bounds-checked."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, count: int) -> bytes:
        end = self.pos + count
        if end > len(self.data):
            raise MsgpackError(
                f"truncated: {count} bytes wanted at offset {self.pos}, "
                f"{len(self.data) - self.pos} left")
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk

    def unsigned(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def signed(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big", signed=True)

    def container_length(self, size: int) -> int:
        length = self.unsigned(size)
        # Every entry takes at least one byte: a larger count is a lie that
        # would otherwise make us loop (or allocate) for nothing.
        if length > len(self.data) - self.pos:
            raise MsgpackError(f"container claims {length} entries, "
                               f"only {len(self.data) - self.pos} bytes left")
        return length

    def text(self, length: int) -> str:
        # surrogateescape: undecodable bytes survive a round trip unchanged.
        return self.take(length).decode("utf-8", "surrogateescape")


def _read_array(reader: _Reader, length: int, depth: int) -> List[Any]:
    return [_read(reader, depth + 1) for _ in range(length)]


def _read_map(reader: _Reader, length: int, depth: int) -> Dict[Any, Any]:
    result: Dict[Any, Any] = {}
    for _ in range(length):
        key = _read(reader, depth + 1)
        if isinstance(key, (list, dict)):
            raise MsgpackError("a map key must not be a list or a map")
        result[key] = _read(reader, depth + 1)
    return result


# tag -> (how to read the payload that follows it)
_FIXED: Dict[int, Callable[[_Reader, int], Any]] = {
    0xC4: lambda r, d: r.take(r.unsigned(1)),
    0xC5: lambda r, d: r.take(r.unsigned(2)),
    0xC6: lambda r, d: r.take(r.unsigned(4)),
    0xCA: lambda r, d: struct.unpack(">f", r.take(4))[0],
    0xCB: lambda r, d: struct.unpack(">d", r.take(8))[0],
    0xCC: lambda r, d: r.unsigned(1),
    0xCD: lambda r, d: r.unsigned(2),
    0xCE: lambda r, d: r.unsigned(4),
    0xCF: lambda r, d: r.unsigned(8),
    0xD0: lambda r, d: r.signed(1),
    0xD1: lambda r, d: r.signed(2),
    0xD2: lambda r, d: r.signed(4),
    0xD3: lambda r, d: r.signed(8),
    0xD9: lambda r, d: r.text(r.unsigned(1)),
    0xDA: lambda r, d: r.text(r.unsigned(2)),
    0xDB: lambda r, d: r.text(r.unsigned(4)),
    0xDC: lambda r, d: _read_array(r, r.container_length(2), d),
    0xDD: lambda r, d: _read_array(r, r.container_length(4), d),
    0xDE: lambda r, d: _read_map(r, r.container_length(2), d),
    0xDF: lambda r, d: _read_map(r, r.container_length(4), d),
}
_CONSTANTS: Dict[int, Any] = {0xC0: None, 0xC2: False, 0xC3: True}


def _read(reader: _Reader, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise MsgpackError(f"nesting deeper than {MAX_DEPTH} levels")
    tag = reader.unsigned(1)
    if tag <= 0x7F:
        return tag
    if tag >= 0xE0:
        return tag - 0x100
    if 0xA0 <= tag <= 0xBF:
        return reader.text(tag & 0x1F)
    if 0x90 <= tag <= 0x9F:
        return _read_array(reader, tag & 0x0F, depth)
    if 0x80 <= tag <= 0x8F:
        return _read_map(reader, tag & 0x0F, depth)
    if tag in _CONSTANTS:
        return _CONSTANTS[tag]
    reader_fn = _FIXED.get(tag)
    if reader_fn is None:
        raise MsgpackError(f"unsupported msgpack type 0x{tag:02x} at offset {reader.pos - 1}")
    return reader_fn(reader, depth)


def unpackb(data: bytes) -> Any:
    """Decode exactly one msgpack document; trailing bytes are an error."""
    reader = _Reader(bytes(data))
    value = _read(reader, 0)
    if reader.pos != len(reader.data):
        raise MsgpackError(f"{len(reader.data) - reader.pos} bytes after the document")
    return value

