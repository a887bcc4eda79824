#include "python/event_pack.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wire/event_fields.h"
#include "wire/frame.h"

static int pack_failed(void)
{
    PyErr_NoMemory();
    return -1;
}

static int pack_text(msgpack_packer *packer, PyObject *text)
{
    Py_ssize_t length;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &length);
    if (!utf8)
        return -1;
    if (msgpack_pack_str(packer, (size_t)length) ||
        msgpack_pack_str_body(packer, utf8, (size_t)length))
        return pack_failed();
    return 0;
}

/* sections, properties and the like: [[str, str], ...]. */
static int pack_pairs(msgpack_packer *packer, PyObject *key, PyObject *pairs)
{
    Py_ssize_t count = PySequence_Fast_GET_SIZE(pairs);
    if (msgpack_pack_array(packer, (size_t)count))
        return pack_failed();
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *pair = PySequence_Fast_GET_ITEM(pairs, i);
        if (!(PyList_Check(pair) || PyTuple_Check(pair)) || PySequence_Fast_GET_SIZE(pair) != 2 ||
            !PyUnicode_Check(PySequence_Fast_GET_ITEM(pair, 0)) ||
            !PyUnicode_Check(PySequence_Fast_GET_ITEM(pair, 1))) {
            PyErr_Format(PyExc_TypeError, "engine event: %S must hold [str, str] pairs", key);
            return -1;
        }
        if (msgpack_pack_array(packer, 2))
            return pack_failed();
        if (pack_text(packer, PySequence_Fast_GET_ITEM(pair, 0)) < 0 ||
            pack_text(packer, PySequence_Fast_GET_ITEM(pair, 1)) < 0)
            return -1;
    }
    return 0;
}

static int pack_value(msgpack_packer *packer, PyObject *key, PyObject *value)
{
    if (PyUnicode_Check(value))
        return pack_text(packer, value);
    if (PyBool_Check(value))
        return msgpack_pack_int(packer, value == Py_True) ? pack_failed() : 0;
    if (PyLong_Check(value)) {
        long long number = PyLong_AsLongLong(value);
        if (number == -1 && PyErr_Occurred())
            return -1;
        return msgpack_pack_long_long(packer, number) ? pack_failed() : 0;
    }
    if (PyFloat_Check(value))
        return msgpack_pack_double(packer, PyFloat_AS_DOUBLE(value)) ? pack_failed() : 0;
    if (PyList_Check(value) || PyTuple_Check(value))
        return pack_pairs(packer, key, value);
    PyErr_Format(PyExc_TypeError, "engine event: %S cannot be a %s", key, Py_TYPE(value)->tp_name);
    return -1;
}

/* Whether the entry goes on the wire: "kind", or a key an event field has
 * (event_from_dict reads no other), with a value. */
static bool sent(PyObject *key, PyObject *value)
{
    if (value == Py_None || !PyUnicode_Check(key))
        return false;
    Py_ssize_t length;
    const char *text = PyUnicode_AsUTF8AndSize(key, &length);
    if (!text) {
        PyErr_Clear();
        return false;
    }
    return (length == 4 && memcmp(text, "kind", 4) == 0) ||
           event_field_named(text, (size_t)length) != NULL;
}

/* More than the distinct keys sent() lets through: "kind" and a key per
 * event field. */
#define MAX_SENT 64

int pyh_event_pack(msgpack_sbuffer *buffer, PyObject *dict)
{
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "engine event must be a dict");
        return -1;
    }
    PyObject *keys[MAX_SENT], *values[MAX_SENT]; /* borrowed */
    size_t present = 0;
    Py_ssize_t position = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &position, &key, &value))
        if (present < MAX_SENT && sent(key, value)) {
            keys[present] = key;
            values[present++] = value;
        }
    size_t frame_offset;
    char *error = NULL;
    if (wire_frame_begin(buffer, WIRE_FRAME_EVENT, &frame_offset, &error) != 0) {
        free(error);
        return pack_failed();
    }
    msgpack_packer packer;
    msgpack_packer_init(&packer, buffer, msgpack_sbuffer_write);
    int rc = msgpack_pack_map(&packer, present) ? pack_failed() : 0;
    for (size_t i = 0; rc == 0 && i < present; i++) {
        rc = pack_text(&packer, keys[i]);
        if (rc == 0)
            rc = pack_value(&packer, keys[i], values[i]);
    }
    if (rc < 0) {
        buffer->size = frame_offset;
        return -1;
    }
    if (wire_frame_end(buffer, frame_offset, 0, &error) != 0) {
        PyErr_SetString(PyExc_ValueError, error ? error : "engine event: cannot frame it");
        free(error);
        return -1;
    }
    return 0;
}
