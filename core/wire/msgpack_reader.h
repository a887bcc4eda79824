/* A bounded cursor over msgpack bytes from another process.
 *
 * Why not msgpack_unpack(): msgpack-c allocates an array's elements as soon
 * as it reads the array's header, so a 5-byte hostile frame claiming 2^32
 * elements asks for 64 GiB. This reader allocates nothing, checks every
 * length against the bytes that remain, and bounds nesting when skipping.
 * msgpack-c still does all the encoding.
 *
 * Every function returns 0, or FASTEST_EPROTO with *reader->out_error set
 * (free() it) and the cursor left where the problem is.
 */
#ifndef FT_WIRE_MSGPACK_READER_H
#define FT_WIRE_MSGPACK_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WIRE_MAX_DEPTH 32

struct wire_reader {
    const uint8_t *position;
    const uint8_t *end;
    char **out_error; /* may be NULL */
};

void wire_reader_init(struct wire_reader *reader, const void *data, size_t size,
                      char **out_error);

bool wire_reader_at_end(const struct wire_reader *reader);
/* True (and consumes it) when the next value is nil. */
bool wire_read_nil(struct wire_reader *reader);

/* Container headers: the count is checked against the remaining bytes. */
int wire_read_map_header(struct wire_reader *reader, uint32_t *out_count /* OUT */);
int wire_read_array_header(struct wire_reader *reader, uint32_t *out_count /* OUT */);
/* A str (not NUL-terminated: *out_text points into the input). */
int wire_read_string(struct wire_reader *reader, const char **out_text /* OUT */,
                     uint32_t *out_length /* OUT */);
/* Any msgpack integer that fits in int64_t. */
int wire_read_int(struct wire_reader *reader, int64_t *out_value /* OUT */);
/* A float32/float64, or an integer converted to double. */
int wire_read_double(struct wire_reader *reader, double *out_value /* OUT */);
/* Skips one value of any type (for unknown keys). */
int wire_skip_value(struct wire_reader *reader);

#endif
