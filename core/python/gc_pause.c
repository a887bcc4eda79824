#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "python/gc_pause.h"

bool pyh_gc_pause(void)
{
    return PyGC_Disable() != 0;
}

void pyh_gc_resume(bool was_enabled)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject *gc = PyImport_ImportModule("gc");
    PyObject *frozen = gc ? PyObject_CallMethod(gc, "freeze", NULL) : NULL;
    PyObject *unfrozen = frozen ? PyObject_CallMethod(gc, "unfreeze", NULL) : NULL;
    Py_XDECREF(unfrozen);
    Py_XDECREF(frozen);
    Py_XDECREF(gc);
    PyErr_Clear();
    PyErr_Restore(type, value, traceback);
    if (was_enabled)
        PyGC_Enable();
}
