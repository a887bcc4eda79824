#include "python/event_from_dict.h"

#include <stddef.h>
#include <string.h>

struct name_value {
    const char *name;
    uint32_t value;
};

static const struct name_value event_kinds[] = {
    {"item_collected", FASTEST_EVENT_ITEM_COLLECTED},
    {"collect_report", FASTEST_EVENT_COLLECT_REPORT},
    {"item_start", FASTEST_EVENT_ITEM_START},
    {"test_report", FASTEST_EVENT_TEST_REPORT},
    {"item_finish", FASTEST_EVENT_ITEM_FINISH},
    {"warning", FASTEST_EVENT_WARNING},
    {NULL, 0},
};

static const struct name_value phases[] = {
    {"setup", FASTEST_PHASE_SETUP},
    {"call", FASTEST_PHASE_CALL},
    {"teardown", FASTEST_PHASE_TEARDOWN},
    {NULL, 0},
};

static const struct name_value outcomes[] = {
    {"passed", FASTEST_OUTCOME_PASSED},
    {"failed", FASTEST_OUTCOME_FAILED},
    {"skipped", FASTEST_OUTCOME_SKIPPED},
    {NULL, 0},
};

/* Keys whose value is a string stored as-is, and where it goes. */
static const struct {
    const char *key;
    size_t offset;
} string_fields[] = {
#define FIELD(name) {#name, offsetof(struct fastest_event, name)}
    FIELD(node_id),       FIELD(location_path),    FIELD(location_domain),
    FIELD(node_kind),     FIELD(longrepr),         FIELD(crash_path),
    FIELD(crash_message), FIELD(skip_path),        FIELD(skip_reason),
    FIELD(wasxfail),      FIELD(warning_message),  FIELD(warning_category),
#undef FIELD
};

static const struct {
    const char *key;
    size_t offset;
} int_fields[] = {
    {"location_line", offsetof(struct fastest_event, location_line)},
    {"crash_line", offsetof(struct fastest_event, crash_line)},
    {"skip_line", offsetof(struct fastest_event, skip_line)},
};

static const struct {
    const char *key;
    size_t offset;
} double_fields[] = {
    {"duration", offsetof(struct fastest_event, duration)},
    {"start", offsetof(struct fastest_event, start)},
    {"stop", offsetof(struct fastest_event, stop)},
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Maps the string value of key through names; absent means 0. */
static int enum_field(PyObject *dict, const char *key, const struct name_value *names,
                      uint32_t *out)
{
    PyObject *value = PyDict_GetItemString(dict, key);
    *out = 0;
    if (!value || value == Py_None)
        return 0;
    const char *text = PyUnicode_AsUTF8(value);
    if (!text)
        return -1;
    for (const struct name_value *entry = names; entry->name; entry++) {
        if (strcmp(entry->name, text) == 0) {
            *out = entry->value;
            return 0;
        }
    }
    PyErr_Format(PyExc_ValueError, "engine event: unknown %s '%s'", key, text);
    return -1;
}

/* A list of [text, text] pairs as an array of two-string structs (both
 * fastest_section and fastest_property are that shape). */
static int pair_list(PyObject *dict, const char *key, size_t *count, void **storage,
                     size_t element_size)
{
    PyObject *list = PyDict_GetItemString(dict, key);
    *count = 0;
    if (!list || list == Py_None)
        return 0;
    PyObject *sequence = PySequence_Fast(list, "engine event: sections and properties must be lists");
    if (!sequence)
        return -1;
    Py_ssize_t length = PySequence_Fast_GET_SIZE(sequence);
    char *array = length ? PyMem_Calloc((size_t)length, element_size) : NULL;
    if (length && !array) {
        Py_DECREF(sequence);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        /* A [first, second] list or a tuple: wire-decoded events have lists. */
        PyObject *pair_object = PySequence_Fast_GET_ITEM(sequence, i);
        const char *first = NULL, *second = NULL;
        if ((PyList_Check(pair_object) || PyTuple_Check(pair_object)) &&
            PySequence_Fast_GET_SIZE(pair_object) == 2) {
            first = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(pair_object, 0));
            second = first ? PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(pair_object, 1)) : NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "engine event: expected [str, str] pairs");
        }
        if (!first || !second) {
            PyMem_Free(array);
            Py_DECREF(sequence);
            return -1;
        }
        const char **pair = (const char **)(array + (size_t)i * element_size);
        pair[0] = first;
        pair[1] = second;
    }
    /* The strings stay alive: they belong to the pairs the dict holds. */
    Py_DECREF(sequence);
    *storage = array;
    *count = (size_t)length;
    return 0;
}

int event_from_dict(PyObject *dict, struct fastest_event *out, struct ft_event_storage *storage)
{
    memset(out, 0, sizeof(*out));
    memset(storage, 0, sizeof(*storage));
    out->header = (struct fastest_struct_header)FASTEST_STRUCT_HEADER_INIT(struct fastest_event);
    out->location_line = -1;
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "engine event must be a dict");
        return -1;
    }
    if (enum_field(dict, "kind", event_kinds, &out->kind) < 0 ||
        enum_field(dict, "phase", phases, &out->phase) < 0 ||
        enum_field(dict, "outcome", outcomes, &out->outcome) < 0)
        return -1;
    if (!out->kind) {
        PyErr_SetString(PyExc_ValueError, "engine event without a kind");
        return -1;
    }
    for (size_t i = 0; i < COUNT(string_fields); i++) {
        PyObject *value = PyDict_GetItemString(dict, string_fields[i].key);
        if (!value || value == Py_None)
            continue;
        const char *text = PyUnicode_AsUTF8(value);
        if (!text)
            return -1;
        *(const char **)((char *)out + string_fields[i].offset) = text;
    }
    for (size_t i = 0; i < COUNT(int_fields); i++) {
        PyObject *value = PyDict_GetItemString(dict, int_fields[i].key);
        if (!value || value == Py_None)
            continue;
        long number = PyLong_AsLong(value);
        if (number == -1 && PyErr_Occurred())
            return -1;
        *(int32_t *)((char *)out + int_fields[i].offset) = (int32_t)number;
    }
    for (size_t i = 0; i < COUNT(double_fields); i++) {
        PyObject *value = PyDict_GetItemString(dict, double_fields[i].key);
        if (!value || value == Py_None)
            continue;
        double number = PyFloat_AsDouble(value);
        if (number == -1.0 && PyErr_Occurred())
            return -1;
        *(double *)((char *)out + double_fields[i].offset) = number;
    }
    if (pair_list(dict, "sections", &out->section_count, (void **)&storage->sections,
                  sizeof(struct fastest_section)) < 0)
        return -1;
    out->sections = storage->sections;
    if (pair_list(dict, "properties", &out->property_count, (void **)&storage->properties, sizeof(struct fastest_property)) < 0) {
        event_storage_release(storage);
        return -1;
    }
    out->properties = storage->properties;
    return 0;
}

void event_storage_release(struct ft_event_storage *storage)
{
    PyMem_Free(storage->sections);
    PyMem_Free(storage->properties);
    storage->sections = NULL;
    storage->properties = NULL;
}
