#include "ab/outcomes.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "python/error_text.h"
#include "python/interpreter.h"

static const char *text_of(PyObject *dict, const char *key)
{
    PyObject *value = PyDict_Check(dict) ? PyDict_GetItemString(dict, key) : NULL;
    return value && PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
}

/* Appends every item of the document's "items" list. */
static int collect(PyObject *document, struct ab_outcomes *out)
{
    PyObject *items = PyDict_Check(document) ? PyDict_GetItemString(document, "items") : NULL;
    if (!items || !PyList_Check(items)) {
        PyErr_SetString(PyExc_ValueError, "no \"items\" list in the json report");
        return -1;
    }
    Py_ssize_t count = PyList_GET_SIZE(items);
    out->items = calloc((size_t)count + 1, sizeof(*out->items));
    if (!out->items)
        return PyErr_NoMemory(), -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        const char *node_id = text_of(PyList_GET_ITEM(items, i), "node_id");
        const char *outcome = text_of(PyList_GET_ITEM(items, i), "outcome");
        if (!node_id || !outcome) {
            PyErr_SetString(PyExc_ValueError, "an item without node_id or outcome");
            return -1;
        }
        out->items[out->count++] = (struct ab_outcome){strdup(node_id), strdup(outcome)};
    }
    return 0;
}

int ab_outcomes_read(const char *path, struct ab_outcomes *out, char **out_error)
{
    *out = (struct ab_outcomes){0};
    *out_error = NULL;
    int rc = pyh_start(out_error);
    if (rc)
        return rc;
    PyObject *module = PyImport_ImportModule("json");
    PyObject *io = PyImport_ImportModule("io");
    PyObject *file = io ? PyObject_CallMethod(io, "open", "ss", path, "rb") : NULL;
    PyObject *document = module && file ? PyObject_CallMethod(module, "load", "O", file) : NULL;
    if (file) {
        PyObject *closed = PyObject_CallMethod(file, "close", NULL);
        Py_XDECREF(closed);
    }
    rc = document && collect(document, out) == 0 ? 0 : FASTEST_EPYTHON;
    if (rc) {
        char context[512];
        snprintf(context, sizeof context, "cannot read the run's outcomes from %s", path);
        *out_error = pyh_take_error(context);
        ab_outcomes_free(out);
    }
    Py_XDECREF(document);
    Py_XDECREF(file);
    Py_XDECREF(io);
    Py_XDECREF(module);
    return rc;
}

void ab_outcomes_free(struct ab_outcomes *outcomes)
{
    for (size_t i = 0; outcomes->items && i < outcomes->count; i++) {
        free(outcomes->items[i].node_id);
        free(outcomes->items[i].outcome);
    }
    free(outcomes->items);
    *outcomes = (struct ab_outcomes){0};
}
