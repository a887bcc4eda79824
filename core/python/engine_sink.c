/* The engine's way back: a C function the engine calls with each event
 * dict, forwarding it to a sink as struct fastest_event. */
#include "python/engine_internal.h"

#include "python/event_from_dict.h"

static PyObject *emit_event(PyObject *capsule, PyObject *dict)
{
    struct pyh_sink_target *target = PyCapsule_GetPointer(capsule, NULL);
    if (!target)
        return NULL;
    struct fastest_event event;
    if (event_from_dict(dict, &event) < 0)
        return NULL;
    target->sink(target->context, &event);
    event_from_dict_release(&event);
    Py_RETURN_NONE;
}

static PyMethodDef emit_definition = {"emit", emit_event, METH_O,
                                      "Deliver one engine event to the host."};

PyObject *pyh_emit_callable(struct pyh_sink_target *target)
{
    PyObject *capsule = PyCapsule_New(target, NULL, NULL);
    if (!capsule)
        return NULL;
    PyObject *function = PyCFunction_New(&emit_definition, capsule);
    Py_DECREF(capsule);
    return function;
}
