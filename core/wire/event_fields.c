#include "wire/event_fields.h"

#include <string.h>

#include "wire/event_names.h"

#define FIELD(name, field_type)                                                                     \
    {.key = #name, .key_length = sizeof(#name) - 1, .type = field_type,                           \
     .offset = offsetof(struct fastest_event, name)}
/* An enum member sent as its name. */
#define NAMED(name, names)                                                                         \
    {                                                                                              \
        .key = #name, .key_length = sizeof(#name) - 1, .type = FIELD_NAMED,                        \
        .offset = offsetof(struct fastest_event, name), .value_of = wire_##names##_from_name,      \
        .name_of = wire_##names##_name                                                             \
    }
/* An array member and the size_t member that counts it. */
#define PAIRS(name, count, field_type)                                                             \
    {.key = #name, .key_length = sizeof(#name) - 1, .type = field_type,                           \
     .offset = offsetof(struct fastest_event, name),                                              \
     .count_offset = offsetof(struct fastest_event, count)}

/* Every member of struct fastest_event but header and kind, by its key. */
static const struct event_field fields[] = {
    FIELD(node_id, FIELD_STRING),
    NAMED(phase, phase),
    NAMED(outcome, outcome),
    FIELD(location_path, FIELD_STRING),
    FIELD(location_line, FIELD_INT32),
    FIELD(location_domain, FIELD_STRING),
    FIELD(node_kind, FIELD_STRING),
    FIELD(duration, FIELD_DOUBLE),
    FIELD(start, FIELD_DOUBLE),
    FIELD(stop, FIELD_DOUBLE),
    FIELD(longrepr, FIELD_STRING),
    FIELD(crash_path, FIELD_STRING),
    FIELD(crash_line, FIELD_INT32),
    FIELD(crash_message, FIELD_STRING),
    FIELD(skip_path, FIELD_STRING),
    FIELD(skip_line, FIELD_INT32),
    FIELD(skip_reason, FIELD_STRING),
    FIELD(wasxfail, FIELD_STRING),
    PAIRS(sections, section_count, FIELD_SECTIONS),
    PAIRS(properties, property_count, FIELD_PROPERTIES),
    FIELD(warning_message, FIELD_STRING),
    FIELD(warning_category, FIELD_STRING),
    FIELD(rootdir, FIELD_STRING),
    FIELD(configfile, FIELD_STRING),
    FIELD(item_count, FIELD_SIZE),
    FIELD(deselected_count, FIELD_SIZE),
    FIELD(error_count, FIELD_SIZE),
    FIELD(exit_status, FIELD_INT),
    FIELD(session_duration, FIELD_DOUBLE),
    FIELD(dropped_count, FIELD_SIZE),
    PAIRS(xml_attributes, xml_attribute_count, FIELD_PROPERTIES),
    PAIRS(suite_properties, suite_property_count, FIELD_PROPERTIES),
    NAMED(longrepr_form, longrepr_form),
    FIELD(skip_folded_per_file, FIELD_INT),
    FIELD(longrepr_markup, FIELD_STRING),
    FIELD(warning_record, FIELD_STRING),
};

const struct event_field *event_fields(size_t *out_count)
{
    *out_count = sizeof(fields) / sizeof(fields[0]);
    return fields;
}

/* The fields by key: an open-addressing table of field index + 1, built
 * at the first lookup (before any worker forks). */
#define KEY_SLOTS 128
_Static_assert(sizeof(fields) / sizeof(fields[0]) < KEY_SLOTS / 2, "the key table is too full");

static size_t key_slot(const char *key, size_t length)
{
    return (length * 131 + (unsigned char)key[0] * 7 + (unsigned char)key[length - 1]) &
           (KEY_SLOTS - 1);
}

const struct event_field *event_field_named(const char *key, size_t length)
{
    static unsigned char slots[KEY_SLOTS];
    static bool built;
    size_t count = sizeof(fields) / sizeof(fields[0]);
    if (!built) {
        for (size_t i = 0; i < count; i++) {
            size_t slot = key_slot(fields[i].key, fields[i].key_length);
            while (slots[slot])
                slot = (slot + 1) & (KEY_SLOTS - 1);
            slots[slot] = (unsigned char)(i + 1);
        }
        built = true;
    }
    if (!length)
        return NULL;
    for (size_t slot = key_slot(key, length); slots[slot]; slot = (slot + 1) & (KEY_SLOTS - 1)) {
        const struct event_field *field = &fields[slots[slot] - 1];
        if (field->key_length == length && memcmp(field->key, key, length) == 0)
            return field;
    }
    return NULL;
}
