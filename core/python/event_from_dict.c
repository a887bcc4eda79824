#include "python/event_from_dict.h"

#include <stdbool.h>
#include <string.h>

#include "base/nul_text.h"
#include "wire/event_fields.h"
#include "wire/event_names.h"

struct event_text_copy {
    struct event_text_copy *next;
    char text[];
};

/* The event text of value: its UTF-8, borrowed, or for text holding a NUL
 * character a copy in copies; NULL with an exception set. */
static const char *text_of(PyObject *value, const char *key, struct event_copies *copies)
{
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "engine event: %s must be a str", key);
        return NULL;
    }
    Py_ssize_t length;
    const char *utf8 = PyUnicode_AsUTF8AndSize(value, &length);
    if (!utf8 || strlen(utf8) == (size_t)length)
        return utf8;
    size_t size = nul_text_size(utf8, (size_t)length);
    struct event_text_copy *copy = PyMem_Malloc(sizeof(*copy) + size);
    if (!copy) {
        PyErr_NoMemory();
        return NULL;
    }
    copy->next = copies->first;
    copies->first = copy;
    return nul_text_encode(copy->text, utf8, (size_t)length);
}

/* A name mapped through from_name; 0 when absent, -1 on an unknown name. */
static int named_value(PyObject *value, const char *key,
                       uint32_t (*from_name)(const char *, size_t), uint32_t *out)
{
    Py_ssize_t length;
    const char *text = PyUnicode_Check(value) ? PyUnicode_AsUTF8AndSize(value, &length) : NULL;
    if (!text) {
        PyErr_Format(PyExc_TypeError, "engine event: %s must be a str", key);
        return -1;
    }
    if (!(*out = from_name(text, (size_t)length))) {
        PyErr_Format(PyExc_ValueError, "engine event: unknown %s '%s'", key, text);
        return -1;
    }
    return 0;
}

/* A list of [text, text] pairs (lists or tuples) as an array of two-string
 * structs (fastest_section and fastest_property are both that shape). The
 * strings belong to the pairs the dict holds (or to copies: text_of). */
static int pair_list(PyObject *list, void **out_array, size_t *out_count, size_t element_size,
                     struct event_copies *copies)
{
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
        PyObject *pair = PySequence_Fast_GET_ITEM(sequence, i);
        const char *first = NULL, *second = NULL;
        if ((PyList_Check(pair) || PyTuple_Check(pair)) && PySequence_Fast_GET_SIZE(pair) == 2) {
            first = text_of(PySequence_Fast_GET_ITEM(pair, 0), "a pair's first", copies);
            second = first ? text_of(PySequence_Fast_GET_ITEM(pair, 1), "a pair's second", copies)
                           : NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "engine event: expected [str, str] pairs");
        }
        if (!first || !second) {
            PyMem_Free(array);
            Py_DECREF(sequence);
            return -1;
        }
        const char **strings = (const char **)(array + (size_t)i * element_size);
        strings[0] = first;
        strings[1] = second;
    }
    Py_DECREF(sequence);
    *out_array = array;
    *out_count = (size_t)length;
    return 0;
}

/* The field a dict key names, or NULL ("kind", or a key no field has). */
static const struct event_field *field_for_key(PyObject *key)
{
    Py_ssize_t length;
    const char *text = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, &length) : NULL;
    if (!text) {
        PyErr_Clear();
        return NULL;
    }
    return event_field_named(text, (size_t)length);
}

/* Stores one present value into its member of out. */
static int store_field(const struct event_field *field, PyObject *value, struct fastest_event *out,
                       struct event_copies *copies)
{
    switch (field->type) {
    case FIELD_STRING: {
        const char *text = text_of(value, field->key, copies);
        *EVENT_MEMBER(out, field, const char *) = text;
        return text ? 0 : -1;
    }
    case FIELD_INT32:
    case FIELD_INT:
    case FIELD_SIZE: {
        long number = PyLong_AsLong(value);
        if (number == -1 && PyErr_Occurred())
            return -1;
        if (field->type == FIELD_INT32)
            *EVENT_MEMBER(out, field, int32_t) = (int32_t)number;
        else if (field->type == FIELD_INT)
            *EVENT_MEMBER(out, field, int) = (int)number;
        else
            *EVENT_MEMBER(out, field, size_t) = number < 0 ? 0 : (size_t)number;
        return 0;
    }
    case FIELD_DOUBLE: {
        double number = PyFloat_AsDouble(value);
        if (number == -1.0 && PyErr_Occurred())
            return -1;
        *EVENT_MEMBER(out, field, double) = number;
        return 0;
    }
    case FIELD_NAMED:
        return named_value(value, field->key, field->value_of, EVENT_MEMBER(out, field, uint32_t));
    case FIELD_SECTIONS:
    case FIELD_PROPERTIES: {
        size_t element_size = field->type == FIELD_SECTIONS ? sizeof(struct fastest_section)
                                                            : sizeof(struct fastest_property);
        return pair_list(value, EVENT_MEMBER(out, field, void *), EVENT_PAIR_COUNT(out, field),
                         element_size, copies);
    }
    }
    return 0;
}

int event_from_dict(PyObject *dict, struct fastest_event *out, struct event_copies *copies)
{
    memset(out, 0, sizeof(*out));
    out->header = (struct fastest_struct_header)FASTEST_STRUCT_HEADER_INIT(struct fastest_event);
    out->location_line = -1;
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "engine event must be a dict");
        return -1;
    }
    static PyObject *kind_key;
    if (!kind_key && !(kind_key = PyUnicode_InternFromString("kind")))
        return -1;
    PyObject *kind = PyDict_GetItem(dict, kind_key);
    if (!kind || named_value(kind, "kind", wire_event_kind_from_name, &out->kind) < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "engine event without a kind");
        return -1;
    }
    /* An event holds a handful of the table's fields: walk its entries,
     * not the table. */
    Py_ssize_t position = 0;
    PyObject *key, *value; /* borrowed */
    while (PyDict_Next(dict, &position, &key, &value)) {
        const struct event_field *field = value != Py_None ? field_for_key(key) : NULL;
        if (field && store_field(field, value, out, copies) < 0) {
            event_from_dict_release(out, copies);
            return -1;
        }
    }
    return 0;
}

void event_from_dict_release(struct fastest_event *event, struct event_copies *copies)
{
    while (copies->first) {
        struct event_text_copy *copy = copies->first;
        copies->first = copy->next;
        PyMem_Free(copy);
    }
    size_t count;
    const struct event_field *fields = event_fields(&count);
    for (size_t i = 0; i < count; i++) {
        if (fields[i].type != FIELD_SECTIONS && fields[i].type != FIELD_PROPERTIES)
            continue;
        void **array = EVENT_MEMBER(event, &fields[i], void *);
        PyMem_Free(*array);
        *array = NULL;
    }
}
