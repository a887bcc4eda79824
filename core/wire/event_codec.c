#include "wire/event_codec.h"

#include <stddef.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/nul_text.h"
#include "wire/error.h"
#include "wire/event_fields.h"
#include "wire/event_names.h"
#include "wire/msgpack_reader.h"


/* Sections and properties are both arrays of two-string structs; where the
 * strings sit in each is all the codec needs to know. */
struct pair_layout {
    size_t element_size;
    size_t first_offset;
    size_t second_offset;
};

static const struct pair_layout section_layout = {sizeof(struct fastest_section),
                                                  offsetof(struct fastest_section, title),
                                                  offsetof(struct fastest_section, content)};
static const struct pair_layout property_layout = {sizeof(struct fastest_property),
                                                   offsetof(struct fastest_property, name),
                                                   offsetof(struct fastest_property, value)};


static const struct pair_layout *layout_of(const struct event_field *field)
{
    return field->type == FIELD_SECTIONS ? &section_layout : &property_layout;
}

/* The string at offset in element index of a pair array. */
static const char **pair_string(const void *pairs, const struct pair_layout *layout, size_t index,
                                size_t offset)
{
    return (const char **)((const char *)pairs + index * layout->element_size + offset);
}

/* --- decoding ------------------------------------------------------ */

struct decoder {
    struct wire_reader reader;
    struct ft_arena *arena;
    char **out_error;
};

static int out_of_memory(struct decoder *decoder)
{
    return wire_fail(decoder->out_error, FASTEST_ENOMEM, "wire: out of memory decoding an event");
}

static int read_copied_string(struct decoder *decoder, const char **out_text)
{
    const char *text;
    uint32_t length;
    int rc = wire_read_string(&decoder->reader, &text, &length);
    if (rc < 0)
        return rc;
    if (memchr(text, '\0', length)) {
        size_t size = nul_text_size(text, length);
        char *copy = arena_alloc(decoder->arena, size);
        *out_text = copy ? nul_text_encode(copy, text, length) : NULL;
    } else {
        *out_text = arena_strndup(decoder->arena, text, length);
    }
    return *out_text ? 0 : out_of_memory(decoder);
}

static int read_name(struct decoder *decoder, const char *key,
                     uint32_t (*from_name)(const char *, size_t), uint32_t *out_value)
{
    const char *text;
    uint32_t length;
    int rc = wire_read_string(&decoder->reader, &text, &length);
    if (rc < 0)
        return rc;
    *out_value = from_name(text, length);
    if (!*out_value)
        return wire_fail(decoder->out_error, FASTEST_EPROTO, "wire event: unknown %s '%.*s'", key,
                         (int)(length > 64 ? 64 : length), text);
    return 0;
}

static int read_integer_in(struct decoder *decoder, const struct event_field *field, int64_t low,
                           int64_t high, int64_t *out_value)
{
    int rc = wire_read_int(&decoder->reader, out_value);
    if (rc < 0)
        return rc;
    if (*out_value < low || *out_value > high)
        return wire_fail(decoder->out_error, FASTEST_EPROTO,
                         "wire event: %s = %lld is out of range", field->key,
                         (long long)*out_value);
    return 0;
}

static int read_pairs(struct decoder *decoder, struct fastest_event *event,
                      const struct event_field *field)
{
    uint32_t count;
    int rc = wire_read_array_header(&decoder->reader, &count);
    if (rc < 0)
        return rc;
    const struct pair_layout *layout = layout_of(field);
    void *pairs = NULL;
    if (count) {
        pairs = arena_alloc(decoder->arena, count * layout->element_size);
        if (!pairs)
            return out_of_memory(decoder);
    }
    for (uint32_t i = 0; i < count; i++) {
        uint32_t width;
        rc = wire_read_array_header(&decoder->reader, &width);
        if (rc == 0 && width != 2)
            rc = wire_fail(decoder->out_error, FASTEST_EPROTO,
                           "wire event: %s[%u] has %u entries, expected 2", field->key,
                           (unsigned)i, (unsigned)width);
        if (rc == 0)
            rc = read_copied_string(decoder, pair_string(pairs, layout, i, layout->first_offset));
        if (rc == 0)
            rc = read_copied_string(decoder, pair_string(pairs, layout, i, layout->second_offset));
        if (rc < 0)
            return rc;
    }
    *EVENT_MEMBER(event, field, void *) = pairs;
    *EVENT_PAIR_COUNT(event, field) = count;
    return 0;
}

static int read_field(struct decoder *decoder, struct fastest_event *event,
                      const struct event_field *field)
{
    int64_t integer;
    int rc;
    switch (field->type) {
    case FIELD_STRING:
        return read_copied_string(decoder, EVENT_MEMBER(event, field, const char *));
    case FIELD_INT32:
        rc = read_integer_in(decoder, field, INT32_MIN, INT32_MAX, &integer);
        *EVENT_MEMBER(event, field, int32_t) = (int32_t)integer;
        return rc;
    case FIELD_INT:
        rc = read_integer_in(decoder, field, INT32_MIN, INT32_MAX, &integer);
        *EVENT_MEMBER(event, field, int) = (int)integer;
        return rc;
    case FIELD_SIZE:
        rc = read_integer_in(decoder, field, 0, INT64_MAX, &integer);
        *EVENT_MEMBER(event, field, size_t) = (size_t)integer;
        return rc;
    case FIELD_DOUBLE:
        return wire_read_double(&decoder->reader, EVENT_MEMBER(event, field, double));
    case FIELD_NAMED:
        return read_name(decoder, field->key, field->value_of, EVENT_MEMBER(event, field, uint32_t));
    case FIELD_SECTIONS:
    case FIELD_PROPERTIES:
        return read_pairs(decoder, event, field);
    }
    return 0;
}

static int read_entry(struct decoder *decoder, struct fastest_event *event)
{
    const char *key;
    uint32_t length;
    int rc = wire_read_string(&decoder->reader, &key, &length);
    if (rc < 0)
        return rc;
    if (wire_read_nil(&decoder->reader))
        return 0;
    if (length == 4 && memcmp(key, "kind", 4) == 0)
        return read_name(decoder, "kind", wire_event_kind_from_name, &event->kind);
    const struct event_field *field = event_field_named(key, length);
    if (!field)
        return wire_skip_value(&decoder->reader);
    return read_field(decoder, event, field);
}

int wire_decode_event(const struct wire_frame *frame, struct ft_arena *arena,
                      struct fastest_event *out, char **out_error)
{
    memset(out, 0, sizeof *out);
    out->header = (struct fastest_struct_header)FASTEST_STRUCT_HEADER_INIT(struct fastest_event);
    out->location_line = -1; /* unknown unless sent, as event_from_dict has it */
    if (frame->kind != WIRE_FRAME_EVENT)
        return wire_fail(out_error, FASTEST_EPROTO, "wire: frame kind %u is not an event",
                         (unsigned)frame->kind);
    struct decoder decoder = {.arena = arena, .out_error = out_error};
    wire_reader_init(&decoder.reader, frame->payload, frame->payload_size, out_error);
    uint32_t count;
    int rc = wire_read_map_header(&decoder.reader, &count);
    for (uint32_t i = 0; rc == 0 && i < count; i++)
        rc = read_entry(&decoder, out);
    if (rc < 0)
        return rc;
    if (!wire_reader_at_end(&decoder.reader))
        return wire_fail(out_error, FASTEST_EPROTO, "wire event: bytes after the map");
    if (!out->kind)
        return wire_fail(out_error, FASTEST_EPROTO, "wire event: no 'kind'");
    return 0;
}
