#include "python/error_text.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>

/* The formatted traceback of exception, or NULL when formatting fails. */
static PyObject *format_exception(PyObject *exception)
{
    PyObject *traceback = PyImport_ImportModule("traceback");
    if (!traceback)
        return NULL;
    PyObject *lines = PyObject_CallMethod(traceback, "format_exception", "O", exception);
    Py_DECREF(traceback);
    if (!lines)
        return NULL;
    PyObject *empty = PyUnicode_FromString("");
    PyObject *text = empty ? PyUnicode_Join(empty, lines) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(lines);
    return text;
}

char *pyh_take_error(const char *context)
{
    PyObject *type, *exception, *traceback;
    PyErr_Fetch(&type, &exception, &traceback);
    PyErr_NormalizeException(&type, &exception, &traceback);
    if (exception && traceback)
        PyException_SetTraceback(exception, traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
    PyObject *text = exception ? format_exception(exception) : NULL;
    if (!text && exception)
        text = PyObject_Str(exception);
    PyErr_Clear();
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    char *message = NULL;
    if (asprintf(&message, "%s: %s", context, utf8 ? utf8 : "unknown Python error") < 0)
        message = NULL;
    Py_XDECREF(text);
    Py_XDECREF(exception);
    PyErr_Clear();
    return message;
}
