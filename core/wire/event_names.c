#include "wire/event_names.h"

#include <string.h>

#include <fastest/event.h>

/* Indexed by value; index 0 (no value) has no name. */
static const char *const kind_names[] = {
    [FASTEST_EVENT_SESSION_START] = "session_start",
    [FASTEST_EVENT_COLLECT_REPORT] = "collect_report",
    [FASTEST_EVENT_COLLECTION_FINISH] = "collection_finish",
    [FASTEST_EVENT_ITEM_START] = "item_start",
    [FASTEST_EVENT_TEST_REPORT] = "test_report",
    [FASTEST_EVENT_ITEM_FINISH] = "item_finish",
    [FASTEST_EVENT_WARNING] = "warning",
    [FASTEST_EVENT_SESSION_FINISH] = "session_finish",
    [FASTEST_EVENT_ITEM_COLLECTED] = "item_collected",
    [FASTEST_EVENT_FLUSH] = "flush",
    [FASTEST_EVENT_INTERRUPTED] = "interrupted",
};

static const char *const phase_names[] = {
    [FASTEST_PHASE_SETUP] = "setup",
    [FASTEST_PHASE_CALL] = "call",
    [FASTEST_PHASE_TEARDOWN] = "teardown",
};

static const char *const outcome_names[] = {
    [FASTEST_OUTCOME_PASSED] = "passed",
    [FASTEST_OUTCOME_FAILED] = "failed",
    [FASTEST_OUTCOME_SKIPPED] = "skipped",
};

/* FASTEST_LONGREPR_RENDERED, the default, has no name: it is not sent. */
static const char *const longrepr_form_names[] = {
    [FASTEST_LONGREPR_MESSAGE_ONLY] = "message_only",
    [FASTEST_LONGREPR_TEXT] = "text",
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static uint32_t value_of(const char *const *names, size_t count, const char *name, size_t length)
{
    if (!length)
        return 0;
    for (size_t value = 1; value < count; value++) {
        const char *candidate = names[value];
        /* The first letters tell most names apart. */
        if (candidate && candidate[0] == name[0] && strlen(candidate) == length &&
            memcmp(candidate, name, length) == 0)
            return (uint32_t)value;
    }
    return 0;
}

static const char *name_of(const char *const *names, size_t count, uint32_t value)
{
    return value < count ? names[value] : NULL;
}

uint32_t wire_event_kind_from_name(const char *name, size_t length)
{
    return value_of(kind_names, COUNT(kind_names), name, length);
}

uint32_t wire_phase_from_name(const char *name, size_t length)
{
    return value_of(phase_names, COUNT(phase_names), name, length);
}

uint32_t wire_outcome_from_name(const char *name, size_t length)
{
    return value_of(outcome_names, COUNT(outcome_names), name, length);
}

uint32_t wire_longrepr_form_from_name(const char *name, size_t length)
{
    return value_of(longrepr_form_names, COUNT(longrepr_form_names), name, length);
}

const char *wire_event_kind_name(uint32_t value)
{
    return name_of(kind_names, COUNT(kind_names), value);
}

const char *wire_phase_name(uint32_t value)
{
    return name_of(phase_names, COUNT(phase_names), value);
}

const char *wire_outcome_name(uint32_t value)
{
    return name_of(outcome_names, COUNT(outcome_names), value);
}

const char *wire_longrepr_form_name(uint32_t value)
{
    return name_of(longrepr_form_names, COUNT(longrepr_form_names), value);
}
