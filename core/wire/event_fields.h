/* The members of struct fastest_event as named fields: one table, read by
 * every converter (msgpack frames, the engine's Python dicts), so an event
 * member is added in one place. The names are docs/engine-events.md's
 * keys. */
#ifndef FT_WIRE_EVENT_FIELDS_H
#define FT_WIRE_EVENT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

enum event_field_type {
    FIELD_STRING,     /* const char * */
    FIELD_INT32,      /* int32_t */
    FIELD_INT,        /* int */
    FIELD_SIZE,       /* size_t */
    FIELD_DOUBLE,     /* double */
    FIELD_NAMED,      /* uint32_t enum value, as its name (names below) */
    FIELD_SECTIONS,   /* struct fastest_section array + count, as [[title, content], ...] */
    FIELD_PROPERTIES, /* struct fastest_property array + count, as [[name, value], ...] */
};

struct event_field {
    const char *key;
    size_t key_length; /* strlen(key): decoders match keys by length first */
    enum event_field_type type;
    size_t offset; /* of the member in struct fastest_event */
    size_t count_offset; /* FIELD_SECTIONS, FIELD_PROPERTIES: of the size_t count */
    /* FIELD_NAMED: a name's value (0 for an unknown one), and a value's
     * name (NULL for none). */
    uint32_t (*value_of)(const char *name, size_t length);
    const char *(*name_of)(uint32_t value);
};

/* Every member of struct fastest_event but header and kind. Static
 * storage; *out_count is set. */
const struct event_field *event_fields(size_t *out_count);

/* The field whose key is key[0..length) (not NUL-terminated), or NULL. */
const struct event_field *event_field_named(const char *key, size_t length);

#define EVENT_MEMBER(event, field, type) ((type *)((char *)(event) + (field)->offset))
#define EVENT_PAIR_COUNT(event, field) ((size_t *)((char *)(event) + (field)->count_offset))

#endif
