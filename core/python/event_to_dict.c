#include "python/event_to_dict.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "wire/event_fields.h"
#include "wire/event_names.h"

/* The str of event text, its FASTEST_TEXT_NUL as NUL characters. */
static PyObject *text_object(const char *text)
{
    size_t length = strlen(text);
    if (!memchr(text, 0xC0, length))
        return PyUnicode_FromStringAndSize(text, (Py_ssize_t)length);
    char *copy = PyMem_Malloc(length + 1);
    if (!copy)
        return PyErr_NoMemory();
    memcpy(copy, text, length);
    PyObject *object =
        PyUnicode_FromStringAndSize(copy, (Py_ssize_t)fastest_text_restore_nul(copy, length));
    PyMem_Free(copy);
    return object;
}

/* [[first, second], ...] from an array of two-string structs. */
static PyObject *pair_list(const void *array, size_t count, size_t element_size)
{
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++) {
        const char *const *strings = (const char *const *)((const char *)array + i * element_size);
        PyObject *first = text_object(strings[0]);
        PyObject *second = first ? text_object(strings[1]) : NULL;
        PyObject *pair = second ? PyList_New(2) : NULL;
        if (pair) {
            PyList_SET_ITEM(pair, 0, first);
            PyList_SET_ITEM(pair, 1, second);
        } else {
            Py_XDECREF(first);
            Py_XDECREF(second);
        }
        if (!pair) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, pair);
    }
    return list;
}

/* The member of event that field describes, read as type. */
#define MEMBER(type) (*(const type *)((const char *)event + field->offset))

/* The value of one member as Python sees it; Py_None (borrowed, not to be
 * stored) when the member holds its default. */
static PyObject *field_value(const struct fastest_event *event, const struct event_field *field)
{
    switch (field->type) {
    case FIELD_STRING: {
        const char *text = MEMBER(char *);
        return text ? text_object(text) : Py_None;
    }
    case FIELD_INT32: {
        int32_t number = MEMBER(int32_t);
        /* location_line's default is -1 (unknown), the others' 0. */
        bool is_default =
            number == (field->offset == offsetof(struct fastest_event, location_line) ? -1 : 0);
        return is_default ? Py_None : PyLong_FromLong(number);
    }
    case FIELD_INT: {
        int number = MEMBER(int);
        return number ? PyLong_FromLong(number) : Py_None;
    }
    case FIELD_SIZE: {
        size_t number = MEMBER(size_t);
        return number ? PyLong_FromSize_t(number) : Py_None;
    }
    case FIELD_DOUBLE: {
        double number = MEMBER(double);
        return number != 0.0 ? PyFloat_FromDouble(number) : Py_None;
    }
    case FIELD_NAMED: {
        const char *name = field->name_of(MEMBER(uint32_t));
        return name ? PyUnicode_FromString(name) : Py_None;
    }
    case FIELD_SECTIONS:
    case FIELD_PROPERTIES: {
        size_t count = *(const size_t *)((const char *)event + field->count_offset);
        size_t element_size = field->type == FIELD_SECTIONS ? sizeof(struct fastest_section)
                                                            : sizeof(struct fastest_property);
        return count ? pair_list(MEMBER(void *), count, element_size) : Py_None;
    }
    }
    return Py_None;
}

PyObject *event_to_dict(const struct fastest_event *event)
{
    const char *kind = wire_event_kind_name(event->kind);
    if (!kind) {
        PyErr_Format(PyExc_ValueError, "event of unknown kind %u", (unsigned)event->kind);
        return NULL;
    }
    PyObject *dict = Py_BuildValue("{ss}", "kind", kind);
    size_t count;
    const struct event_field *fields = event_fields(&count);
    for (size_t i = 0; dict && i < count; i++) {
        PyObject *value = field_value(event, &fields[i]);
        if (value == Py_None)
            continue;
        if (!value || PyDict_SetItemString(dict, fields[i].key, value) < 0)
            Py_CLEAR(dict);
        Py_XDECREF(value);
    }
    return dict;
}
