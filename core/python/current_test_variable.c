/* PYTEST_CURRENT_TEST, which pytest sets in the process environment at each
 * phase of each test ("<node id> (<phase>)") and removes after the item's
 * teardown: four changes per test, which code under test reads through
 * os.environ, getenv(3) or a child process's environment. Made with
 * setenv(3), each change costs more than a trivial test: glibc copies every
 * distinct value it is given into a search tree it never frees (a run's
 * node ids make thousands) and searches it on every call. The engine's
 * runner sets the variable through this module instead: one entry of its
 * own in `environ`, rewritten in place, which getenv(3) and exec(3) read as
 * they read any other.
 *
 * Python: import _fastest_current_test
 *     set(value: bytes) -> None    the variable's value (no NUL bytes)
 *     clear() -> None              the variable removed
 * os.environ's own mapping is the caller's to keep in step. */
#include "python/current_test_variable.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static const char variable_name[] = "PYTEST_CURRENT_TEST";
#define PREFIX_LENGTH (sizeof variable_name) /* the name and its '=' */

/* The entry "PYTEST_CURRENT_TEST=value" this module placed in environ, and
 * the room it has. An entry outgrown is left allocated, never freed: a
 * thread may still be reading the pointer getenv(3) gave it (glibc keeps
 * every value for the same reason); capacities double, so few are left. */
static char *entry;
static size_t entry_capacity;

static bool entry_in_environ(void)
{
    for (char **slot = environ; slot && *slot; slot++)
        if (*slot == entry)
            return true;
    return false;
}

static PyObject *set_variable(PyObject *module, PyObject *value)
{
    (void)module;
    char *bytes;
    Py_ssize_t length;
    if (PyBytes_AsStringAndSize(value, &bytes, &length) < 0)
        return NULL;
    if (memchr(bytes, '\0', (size_t)length)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return NULL;
    }
    size_t needed = PREFIX_LENGTH + (size_t)length + 1;
    bool placed = entry != NULL && entry_in_environ();
    if (needed > entry_capacity) {
        size_t capacity = entry_capacity ? entry_capacity : 128;
        while (capacity < needed)
            capacity *= 2;
        char *grown = malloc(capacity);
        if (!grown)
            return PyErr_NoMemory();
        memcpy(grown, variable_name, PREFIX_LENGTH - 1);
        grown[PREFIX_LENGTH - 1] = '=';
        entry = grown;
        entry_capacity = capacity;
        placed = false;
    }
    memcpy(entry + PREFIX_LENGTH, bytes, (size_t)length);
    entry[PREFIX_LENGTH + (size_t)length] = '\0';
    /* putenv(3) puts the string itself in environ, replacing whatever
     * entry has the name (a test's own os.environ assignment). */
    if (!placed && putenv(entry) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *clear_variable(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    if (unsetenv(variable_name) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"set", set_variable, METH_O, "Set PYTEST_CURRENT_TEST in the process environment."},
    {"clear", clear_variable, METH_NOARGS,
     "Remove PYTEST_CURRENT_TEST from the process environment."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_fastest_current_test",
    .m_doc = "PYTEST_CURRENT_TEST in the process environment, without setenv(3)'s copies.",
    .m_size = -1,
    .m_methods = methods,
};

static PyObject *init_module(void)
{
    return PyModule_Create(&definition);
}

int pyh_register_current_test_variable(void)
{
    return PyImport_AppendInittab(definition.m_name, init_module);
}
