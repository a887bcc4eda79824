#include "wire/frame.h"

#include <fastest/errors.h>

#include "wire/error.h"

int wire_frame_header_parse(const uint8_t *data, uint32_t *out_kind, size_t *out_payload_size,
                            char **out_error)
{
    if (data[0] != WIRE_PROTOCOL_VERSION)
        return wire_fail(out_error, FASTEST_EPROTO,
                         "wire frame: protocol version %u, expected %u (worker and parent "
                         "come from different fastest builds?)",
                         (unsigned)data[0], (unsigned)WIRE_PROTOCOL_VERSION);
    uint32_t length = (uint32_t)data[2] << 24 | (uint32_t)data[3] << 16 |
                      (uint32_t)data[4] << 8 | (uint32_t)data[5];
    if (length > WIRE_MAX_PAYLOAD)
        return wire_fail(out_error, FASTEST_EPROTO,
                         "wire frame: payload of %u bytes exceeds the %u-byte limit",
                         (unsigned)length, (unsigned)WIRE_MAX_PAYLOAD);
    *out_kind = data[1];
    *out_payload_size = length;
    return 0;
}

int wire_frame_parse(const void *data, size_t size, struct wire_frame *out, char **out_error)
{
    if (size < WIRE_HEADER_SIZE)
        return wire_fail(out_error, FASTEST_EPROTO,
                         "wire frame: truncated header (%zu of %d bytes)", size,
                         WIRE_HEADER_SIZE);
    const uint8_t *bytes = data;
    size_t payload_size;
    int rc = wire_frame_header_parse(bytes, &out->kind, &payload_size, out_error);
    if (rc < 0)
        return rc;
    if (size - WIRE_HEADER_SIZE < payload_size)
        return wire_fail(out_error, FASTEST_EPROTO,
                         "wire frame: truncated payload (%zu of %zu bytes)",
                         size - WIRE_HEADER_SIZE, payload_size);
    out->payload = bytes + WIRE_HEADER_SIZE;
    out->payload_size = payload_size;
    out->frame_size = WIRE_HEADER_SIZE + payload_size;
    return 0;
}

int wire_frame_begin(msgpack_sbuffer *buffer, uint32_t kind, size_t *out_offset,
                     char **out_error)
{
    *out_offset = buffer->size;
    const char header[WIRE_HEADER_SIZE] = {WIRE_PROTOCOL_VERSION, (char)kind, 0, 0, 0, 0};
    if (msgpack_sbuffer_write(buffer, header, sizeof header) != 0)
        return wire_fail(out_error, FASTEST_ENOMEM, "wire frame: out of memory");
    return 0;
}

int wire_frame_end(msgpack_sbuffer *buffer, size_t frame_offset, int pack_failed,
                   char **out_error)
{
    if (pack_failed) {
        buffer->size = frame_offset;
        return wire_fail(out_error, FASTEST_ENOMEM, "wire frame: out of memory");
    }
    size_t payload_size = buffer->size - frame_offset - WIRE_HEADER_SIZE;
    if (payload_size > WIRE_MAX_PAYLOAD) {
        buffer->size = frame_offset;
        return wire_fail(out_error, FASTEST_EPROTO,
                         "wire frame: payload of %zu bytes exceeds the %u-byte limit",
                         payload_size, (unsigned)WIRE_MAX_PAYLOAD);
    }
    char *length = buffer->data + frame_offset + 2;
    length[0] = (char)(payload_size >> 24);
    length[1] = (char)(payload_size >> 16);
    length[2] = (char)(payload_size >> 8);
    length[3] = (char)payload_size;
    return 0;
}
