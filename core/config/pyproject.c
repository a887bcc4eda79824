#include "config/pyproject.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "config/file_text.h"
#include "python/interpreter.h"

/* The pending Python exception's str(), in a new C string; clears it. */
static char *take_exception_text(void)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyObject *text = value ? PyObject_Str(value) : NULL;
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    char *copy = strdup(utf8 ? utf8 : "unknown error");
    Py_XDECREF(text);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    PyErr_Clear();
    return copy;
}

/* str(item) appended to value. */
static int append_str(struct cfg_value *value, PyObject *item, bool replace)
{
    PyObject *text = PyObject_Str(item);
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    int rc = !utf8 ? FASTEST_EPYTHON
                   : replace ? value_set_text(value, utf8) : value_append(value, utf8);
    Py_XDECREF(text);
    return rc;
}

/* Copies a TOML table into *out: lists item by item, scalars as str(). */
static int copy_table(PyObject *dict, struct cfg_table *out)
{
    PyObject *key, *item;
    Py_ssize_t position = 0;
    while (PyDict_Next(dict, &position, &key, &item)) {
        const char *name = PyUnicode_AsUTF8(key);
        if (!name)
            return FASTEST_EPYTHON;
        bool is_list = PyList_Check(item);
        struct cfg_value *value = table_add(out, name, is_list, 0);
        if (!value)
            return FASTEST_ENOMEM;
        int rc = 0;
        if (is_list)
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(item) && !rc; i++)
                rc = append_str(value, PyList_GET_ITEM(item, i), false);
        else
            rc = append_str(value, item, true);
        if (rc)
            return rc;
    }
    return 0;
}

/* document["tool"][name] when both are tables; borrowed, or NULL. */
static PyObject *tool_table(PyObject *document, const char *name)
{
    PyObject *tool = PyDict_GetItemString(document, "tool");
    if (!tool || !PyDict_Check(tool))
        return NULL;
    PyObject *table = PyDict_GetItemString(tool, name);
    return table && PyDict_Check(table) ? table : NULL;
}

static int parse_document(const char *path, const char *text, size_t length,
                          struct cfg_table *out_pytest, bool *out_has_pytest,
                          struct cfg_table *out_fastest, char **out_error)
{
    PyObject *tomllib = PyImport_ImportModule("tomllib");
    PyObject *source = PyUnicode_DecodeUTF8(text, (Py_ssize_t)length, "strict");
    PyObject *document = tomllib && source
                             ? PyObject_CallMethod(tomllib, "loads", "O", source)
                             : NULL;
    Py_XDECREF(tomllib);
    Py_XDECREF(source);
    if (!document) {
        char *why = take_exception_text();
        *out_error = ft_format("%s: %s", path, why ? why : "cannot be parsed");
        free(why);
        return *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
    }
    int rc = 0;
    PyObject *pytest = tool_table(document, "pytest");
    PyObject *options = pytest ? PyDict_GetItemString(pytest, "ini_options") : NULL;
    *out_has_pytest = options && PyDict_Check(options);
    if (*out_has_pytest)
        rc = copy_table(options, out_pytest);
    PyObject *fastest = tool_table(document, "fastest");
    if (!rc && fastest)
        rc = copy_table(fastest, out_fastest);
    if (rc == FASTEST_EPYTHON) {
        char *why = take_exception_text();
        *out_error = ft_format("%s: %s", path, why ? why : "unreadable value");
        free(why);
    }
    Py_DECREF(document);
    return rc;
}

int pyproject_read(const char *path, struct cfg_table *out_pytest, bool *out_has_pytest,
                   struct cfg_table *out_fastest, char **out_error)
{
    *out_has_pytest = false;
    char *text;
    size_t length;
    int rc = cfg_read_file(path, &text, &length, out_error);
    if (rc)
        return rc;
    rc = pyh_start(out_error);
    if (!rc) {
        PyGILState_STATE gil = PyGILState_Ensure();
        rc = parse_document(path, text, length, out_pytest, out_has_pytest, out_fastest,
                            out_error);
        PyGILState_Release(gil);
    }
    free(text);
    return rc;
}
