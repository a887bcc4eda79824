/* Wire frames between worker processes and the parent (docs/wire-protocol.md).
 *
 *   offset 0  u8   protocol version (WIRE_PROTOCOL_VERSION)
 *   offset 1  u8   frame kind (enum wire_frame_kind; unknown kinds are
 *                  delivered to the caller, who decides)
 *   offset 2  u32  payload length, big-endian, at most WIRE_MAX_PAYLOAD
 *   offset 6  payload: one msgpack map
 */
#ifndef FT_WIRE_FRAME_H
#define FT_WIRE_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include <msgpack.h>

#define WIRE_PROTOCOL_VERSION 1
#define WIRE_HEADER_SIZE 6
#define WIRE_MAX_PAYLOAD (64u * 1024u * 1024u)

enum wire_frame_kind {
    WIRE_FRAME_EVENT = 1,     /* an engine event (docs/engine-events.md keys) */
    WIRE_FRAME_RUN_ITEMS = 2, /* parent -> worker: {"items": [plan index, ...]} */
    WIRE_FRAME_DONE = 3,      /* worker -> parent: {} */
    WIRE_FRAME_ERROR = 4,     /* worker -> parent: {"message": text} */
};

/* A parsed frame; payload points into the caller's buffer. */
struct wire_frame {
    uint32_t kind;
    const uint8_t *payload;
    size_t payload_size;
    size_t frame_size; /* header + payload: where the next frame starts */
};

/* Reads the 6-byte header at data (which must hold WIRE_HEADER_SIZE bytes):
 * sets *out_kind and *out_payload_size. For readers of a stream, who then
 * read exactly that many payload bytes. Returns 0, or FASTEST_EPROTO (wrong
 * version, oversized payload) with *out_error set (free() it). */
int wire_frame_header_parse(const uint8_t *data, uint32_t *out_kind /* OUT */,
                            size_t *out_payload_size /* OUT */, char **out_error);

/* Parses the frame at the start of data[0..size). Returns 0 with *out set,
 * or FASTEST_EPROTO with *out_error set (free() it) when the bytes are
 * truncated or the header is invalid. Never reads past data + size. */
int wire_frame_parse(const void *data, size_t size, struct wire_frame *out /* OUT */,
                     char **out_error);

/* Encoding: wire_frame_begin appends a header placeholder for kind to
 * buffer and sets *out_offset to where the frame starts; the caller then
 * packs exactly one map into buffer; wire_frame_end patches the length in.
 * pack_failed is true when any msgpack_pack_* call failed (out of memory).
 * Both return 0, FASTEST_ENOMEM, or FASTEST_EPROTO when the payload exceeds
 * WIRE_MAX_PAYLOAD; on failure *out_error is set (free() it) and
 * wire_frame_end removes the partial frame. */
int wire_frame_begin(msgpack_sbuffer *buffer, uint32_t kind, size_t *out_offset /* OUT */,
                     char **out_error);
int wire_frame_end(msgpack_sbuffer *buffer, size_t frame_offset, int pack_failed,
                   char **out_error);

#endif
