"""fastest's wire frames (docs/wire-protocol.md), the Python side.

A frame is a 6-byte header, then a msgpack map:

    offset 0  u8   protocol version (PROTOCOL_VERSION)
    offset 1  u8   frame kind (FRAME_EVENT, FRAME_RUN_ITEMS, ...)
    offset 2  u32  payload length, big-endian (at most MAX_PAYLOAD)
    offset 6  payload: one msgpack map

The C side (core/wire/) reads and writes the same bytes.
"""

from __future__ import annotations

import struct
from typing import Any, BinaryIO, Dict, Iterator, Optional, Tuple

from .msgpack import MsgpackError, packb, unpackb

__all__ = [
    "FRAME_DONE", "FRAME_ERROR", "FRAME_EVENT", "FRAME_RUN_ITEMS", "FrameError",
    "HEADER_SIZE", "MAX_PAYLOAD", "PROTOCOL_VERSION", "decode_frame", "encode_frame",
    "read_frame", "read_frames",
]

PROTOCOL_VERSION = 1
FRAME_EVENT = 1      # payload: an engine event dict (docs/engine-events.md)
FRAME_RUN_ITEMS = 2  # payload: {"items": [plan index, ...]}
FRAME_DONE = 3       # payload: {} - the worker ran everything it was given
FRAME_ERROR = 4      # payload: {"message": str} - the worker cannot go on
HEADER_SIZE = 6
MAX_PAYLOAD = 64 * 1024 * 1024

_header = struct.Struct(">BBI")


class FrameError(ValueError):
    """A frame that is truncated, oversized, of another version or not a map."""


def encode_frame(kind: int, payload: Dict[str, Any]) -> bytes:
    """Header plus msgpack payload, ready to write as one unit."""
    body = packb(payload)
    if len(body) > MAX_PAYLOAD:
        raise FrameError(f"payload of {len(body)} bytes exceeds {MAX_PAYLOAD}")
    return _header.pack(PROTOCOL_VERSION, kind, len(body)) + body


def _parse_header(header: bytes) -> Tuple[int, int]:
    version, kind, length = _header.unpack(header)
    if version != PROTOCOL_VERSION:
        raise FrameError(f"protocol version {version}, expected {PROTOCOL_VERSION}")
    if length > MAX_PAYLOAD:
        raise FrameError(f"payload length {length} exceeds {MAX_PAYLOAD}")
    return kind, length


def _parse_payload(body: bytes) -> Dict[str, Any]:
    try:
        payload = unpackb(body)
    except MsgpackError as error:
        raise FrameError(f"bad payload: {error}") from None
    if not isinstance(payload, dict):
        raise FrameError(f"payload is a {type(payload).__name__}, expected a map")
    return payload


def decode_frame(data: bytes) -> Tuple[int, Dict[str, Any], int]:
    """Decode the frame at the start of data: (kind, payload, bytes used)."""
    if len(data) < HEADER_SIZE:
        raise FrameError(f"truncated header: {len(data)} of {HEADER_SIZE} bytes")
    kind, length = _parse_header(bytes(data[:HEADER_SIZE]))
    end = HEADER_SIZE + length
    if len(data) < end:
        raise FrameError(f"truncated payload: {len(data) - HEADER_SIZE} of {length} bytes")
    return kind, _parse_payload(bytes(data[HEADER_SIZE:end])), end


def read_frame(stream: BinaryIO) -> Optional[Tuple[int, Dict[str, Any]]]:
    """Read one frame from a blocking stream; None at a clean end of stream."""
    header = stream.read(HEADER_SIZE)
    if not header:
        return None
    if len(header) < HEADER_SIZE:
        raise FrameError(f"truncated header: {len(header)} of {HEADER_SIZE} bytes")
    kind, length = _parse_header(header)
    body = stream.read(length)
    if len(body) < length:
        raise FrameError(f"truncated payload: {len(body)} of {length} bytes")
    return kind, _parse_payload(body)


def read_frames(stream: BinaryIO) -> Iterator[Tuple[int, Dict[str, Any]]]:
    """Every frame of a stream, in order, until its end."""
    while True:
        frame = read_frame(stream)
        if frame is None:
            return
        yield frame
