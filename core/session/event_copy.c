#include "session/event_copy.h"

#include <stdbool.h>
#include <string.h>

/* Copies the strings of a pair array (fastest_section and fastest_property
 * are both two strings). */
static void *copy_pairs(struct ft_arena *arena, const void *pairs, size_t count, bool *failed)
{
    if (!count)
        return NULL;
    const char *const *from = pairs;
    const char **to = arena_alloc(arena, count * 2 * sizeof(*to));
    if (!to) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < count * 2; i++) {
        to[i] = arena_strdup(arena, from[i]);
        if (from[i] && !to[i])
            *failed = true;
    }
    return to;
}

struct fastest_event *event_copy(struct ft_arena *arena, const struct fastest_event *event)
{
    struct fastest_event *copy = arena_alloc(arena, sizeof(*copy));
    if (!copy)
        return NULL;
    *copy = *event;
    copy->header.struct_size = sizeof(*copy);
    bool failed = false;
    const char **strings[] = {
        &copy->node_id,     &copy->location_path, &copy->location_domain, &copy->node_kind,
        &copy->longrepr,    &copy->crash_path,    &copy->crash_message,   &copy->skip_path,
        &copy->skip_reason, &copy->wasxfail,      &copy->warning_message, &copy->warning_category,
        &copy->rootdir,     &copy->configfile,    &copy->longrepr_markup, &copy->warning_record,
    };
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        if (*strings[i]) {
            *strings[i] = arena_strdup(arena, *strings[i]);
            failed = failed || !*strings[i];
        }
    }
    copy->sections = copy_pairs(arena, event->sections, event->section_count, &failed);
    copy->properties = copy_pairs(arena, event->properties, event->property_count, &failed);
    copy->xml_attributes =
        copy_pairs(arena, event->xml_attributes, event->xml_attribute_count, &failed);
    copy->suite_properties =
        copy_pairs(arena, event->suite_properties, event->suite_property_count, &failed);
    return failed ? NULL : copy;
}
