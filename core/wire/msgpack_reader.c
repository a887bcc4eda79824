#include "wire/msgpack_reader.h"

#include <string.h>

#include <fastest/errors.h>

#include "wire/error.h"

void wire_reader_init(struct wire_reader *reader, const void *data, size_t size,
                      char **out_error)
{
    reader->position = data;
    reader->end = reader->position + size;
    reader->out_error = out_error;
}

static size_t remaining(const struct wire_reader *reader)
{
    return (size_t)(reader->end - reader->position);
}

bool wire_reader_at_end(const struct wire_reader *reader)
{
    return reader->position == reader->end;
}

static int truncated(struct wire_reader *reader, size_t wanted)
{
    return wire_fail(reader->out_error, FASTEST_EPROTO,
                     "msgpack: truncated value (%zu bytes wanted, %zu left)", wanted,
                     remaining(reader));
}

static int unexpected(struct wire_reader *reader, const char *expected)
{
    if (wire_reader_at_end(reader))
        return truncated(reader, 1);
    return wire_fail(reader->out_error, FASTEST_EPROTO, "msgpack: expected %s, found type 0x%02x",
                     expected, (unsigned)*reader->position);
}

/* Reads a big-endian unsigned integer of size bytes (1, 2, 4 or 8). */
static int read_unsigned(struct wire_reader *reader, size_t size, uint64_t *out_value)
{
    if (remaining(reader) < size)
        return truncated(reader, size);
    uint64_t value = 0;
    for (size_t i = 0; i < size; i++)
        value = value << 8 | reader->position[i];
    reader->position += size;
    *out_value = value;
    return 0;
}

/* The byte size of the length field that follows tag for a family whose
 * 8/16/32-bit tags are given (0 when the family has no such tag). */
static size_t length_field_size(uint8_t tag, uint8_t tag8, uint8_t tag16, uint8_t tag32)
{
    if (tag8 && tag == tag8)
        return 1;
    if (tag == tag16)
        return 2;
    if (tag == tag32)
        return 4;
    return 0;
}

/* Container or string header: fixed-size forms (mask/limit) or sized tags.
 * For containers every entry takes at least one byte, so a count above the
 * remaining bytes is rejected before anyone loops over it. */
static int read_length(struct wire_reader *reader, uint8_t fix_base, uint8_t fix_count,
                       uint8_t tag8, uint8_t tag16, uint8_t tag32, const char *what,
                       uint32_t *out_length)
{
    if (wire_reader_at_end(reader))
        return truncated(reader, 1);
    uint8_t tag = *reader->position;
    if (tag >= fix_base && tag < fix_base + fix_count) {
        reader->position++;
        *out_length = (uint32_t)(tag - fix_base);
    } else {
        size_t size = length_field_size(tag, tag8, tag16, tag32);
        if (!size)
            return unexpected(reader, what);
        reader->position++;
        uint64_t length;
        int rc = read_unsigned(reader, size, &length);
        if (rc < 0)
            return rc;
        *out_length = (uint32_t)length;
    }
    if (*out_length > remaining(reader))
        return wire_fail(reader->out_error, FASTEST_EPROTO,
                         "msgpack: %s of length %u, only %zu bytes left", what,
                         (unsigned)*out_length, remaining(reader));
    return 0;
}

bool wire_read_nil(struct wire_reader *reader)
{
    if (!wire_reader_at_end(reader) && *reader->position == 0xc0) {
        reader->position++;
        return true;
    }
    return false;
}

int wire_read_map_header(struct wire_reader *reader, uint32_t *out_count)
{
    return read_length(reader, 0x80, 16, 0, 0xde, 0xdf, "a map", out_count);
}

int wire_read_array_header(struct wire_reader *reader, uint32_t *out_count)
{
    return read_length(reader, 0x90, 16, 0, 0xdc, 0xdd, "an array", out_count);
}

int wire_read_string(struct wire_reader *reader, const char **out_text, uint32_t *out_length)
{
    int rc = read_length(reader, 0xa0, 32, 0xd9, 0xda, 0xdb, "a string", out_length);
    if (rc < 0)
        return rc;
    *out_text = (const char *)reader->position;
    reader->position += *out_length;
    return 0;
}

int wire_read_int(struct wire_reader *reader, int64_t *out_value)
{
    if (wire_reader_at_end(reader))
        return truncated(reader, 1);
    uint8_t tag = *reader->position;
    if (tag <= 0x7f || tag >= 0xe0) {
        reader->position++;
        *out_value = (int8_t)tag;
        return 0;
    }
    if (tag < 0xcc || tag > 0xd3)
        return unexpected(reader, "an integer");
    reader->position++;
    size_t size = (size_t)1 << ((tag - 0xcc) & 3); /* cc..cf unsigned, d0..d3 signed */
    uint64_t raw = 0;
    int rc = read_unsigned(reader, size, &raw);
    if (rc < 0)
        return rc;
    if (tag <= 0xcf) {
        if (raw > INT64_MAX)
            return wire_fail(reader->out_error, FASTEST_EPROTO,
                             "msgpack: integer %llu does not fit in 64 signed bits",
                             (unsigned long long)raw);
        *out_value = (int64_t)raw;
    } else {
        unsigned shift = (unsigned)(64 - 8 * size); /* sign-extend */
        *out_value = (int64_t)(raw << shift) >> shift;
    }
    return 0;
}

int wire_read_double(struct wire_reader *reader, double *out_value)
{
    if (wire_reader_at_end(reader))
        return truncated(reader, 1);
    uint8_t tag = *reader->position;
    if (tag != 0xca && tag != 0xcb) {
        int64_t integer;
        int rc = wire_read_int(reader, &integer);
        if (rc == 0)
            *out_value = (double)integer;
        return rc;
    }
    reader->position++;
    uint64_t raw = 0;
    int rc = read_unsigned(reader, tag == 0xca ? 4 : 8, &raw);
    if (rc < 0)
        return rc;
    if (tag == 0xca) {
        uint32_t bits = (uint32_t)raw;
        float value;
        memcpy(&value, &bits, sizeof value);
        *out_value = value;
    } else {
        memcpy(out_value, &raw, sizeof *out_value);
    }
    return 0;
}

/* Bytes that follow tag for the fixed-size scalar types, or -1. */
static int scalar_size(uint8_t tag)
{
    if (tag <= 0x7f || tag >= 0xe0 || tag == 0xc0 || tag == 0xc2 || tag == 0xc3)
        return 0;
    switch (tag) {
    case 0xcc: case 0xd0: return 1;
    case 0xcd: case 0xd1: return 2;
    case 0xca: case 0xce: case 0xd2: return 4;
    case 0xcb: case 0xcf: case 0xd3: return 8;
    case 0xd4: return 2;  /* fixext 1: type + data */
    case 0xd5: return 3;
    case 0xd6: return 5;
    case 0xd7: return 9;
    case 0xd8: return 17;
    default: return -1;
    }
}

static int skip_bytes(struct wire_reader *reader, size_t count)
{
    if (remaining(reader) < count)
        return truncated(reader, count);
    reader->position += count;
    return 0;
}

static int skip_value(struct wire_reader *reader, int depth)
{
    if (depth > WIRE_MAX_DEPTH)
        return wire_fail(reader->out_error, FASTEST_EPROTO,
                         "msgpack: nesting deeper than %d levels", WIRE_MAX_DEPTH);
    if (wire_reader_at_end(reader))
        return truncated(reader, 1);
    uint8_t tag = *reader->position;
    int size = scalar_size(tag);
    if (size >= 0) {
        reader->position++;
        return skip_bytes(reader, (size_t)size);
    }
    uint32_t count;
    const char *text;
    if ((tag >= 0xa0 && tag <= 0xbf) || (tag >= 0xd9 && tag <= 0xdb))
        return wire_read_string(reader, &text, &count);
    if (tag >= 0xc4 && tag <= 0xc9) { /* bin 8/16/32, ext 8/16/32 */
        int is_ext = tag >= 0xc7;
        reader->position++;
        uint64_t length;
        int rc = read_unsigned(reader, (size_t)1 << ((tag - 0xc4) % 3), &length);
        if (rc < 0)
            return rc;
        return skip_bytes(reader, (size_t)length + (size_t)is_ext);
    }
    int is_map = (tag >= 0x80 && tag <= 0x8f) || tag == 0xde || tag == 0xdf;
    int rc = is_map ? wire_read_map_header(reader, &count) : wire_read_array_header(reader, &count);
    if (rc < 0)
        return rc;
    uint64_t values = is_map ? 2 * (uint64_t)count : count;
    for (uint64_t i = 0; i < values; i++) {
        rc = skip_value(reader, depth + 1);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int wire_skip_value(struct wire_reader *reader)
{
    return skip_value(reader, 0);
}
