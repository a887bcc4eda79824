/* The engine's way back: a C function the engine calls with each event
 * dict, forwarding it to a sink as struct fastest_event, or (in a worker)
 * packing it for the wire. */
#include "python/engine_internal.h"

#include "python/event_from_dict.h"
#include "python/event_pack.h"

static PyObject *emit_event(PyObject *capsule, PyObject *dict)
{
    struct pyh_sink_target *target = PyCapsule_GetPointer(capsule, NULL);
    if (!target)
        return NULL;
    struct fastest_event event;
    struct event_copies copies = {0};
    if (event_from_dict(dict, &event, &copies) < 0)
        return NULL;
    target->sink(target->context, &event);
    event_from_dict_release(&event, &copies);
    Py_RETURN_NONE;
}

static PyMethodDef emit_definition = {"emit", emit_event, METH_O,
                                      "Deliver one engine event to the host."};

/* A callable running definition's C function with target as its self. */
static PyObject *callable_with(PyMethodDef *definition, void *target)
{
    PyObject *capsule = PyCapsule_New(target, NULL, NULL);
    if (!capsule)
        return NULL;
    PyObject *function = PyCFunction_New(definition, capsule);
    Py_DECREF(capsule);
    return function;
}

PyObject *pyh_emit_callable(struct pyh_sink_target *target)
{
    return callable_with(&emit_definition, target);
}

/* Whether dict is an item_start event. */
static bool is_item_start(PyObject *dict)
{
    static PyObject *kind_key;
    if (!kind_key && !(kind_key = PyUnicode_InternFromString("kind"))) {
        PyErr_Clear();
        return false;
    }
    PyObject *kind = PyDict_GetItem(dict, kind_key); /* borrowed */
    return kind && PyUnicode_Check(kind) &&
           PyUnicode_CompareWithASCIIString(kind, "item_start") == 0;
}

static PyObject *pack_event(PyObject *capsule, PyObject *dict)
{
    struct pyh_wire_target *target = PyCapsule_GetPointer(capsule, NULL);
    if (!target || pyh_event_pack(target->buffer, dict) < 0)
        return NULL;
    target->packed(target->context, is_item_start(dict));
    Py_RETURN_NONE;
}

static PyMethodDef pack_definition = {"emit", pack_event, METH_O,
                                      "Pack one engine event for the parent process."};

PyObject *pyh_wire_emit_callable(struct pyh_wire_target *target)
{
    return callable_with(&pack_definition, target);
}
