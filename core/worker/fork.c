#include "worker/fork.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "python/error_text.h"
#include "python/prefault.h"
#include "worker/spawn.h"

pid_t wk_fork(void)
{
    fflush(stdout);
    fflush(stderr);
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        pyh_prefault_forked_memory();
        PyOS_AfterFork_Child();
    } else
        PyOS_AfterFork_Parent();
    return pid;
}

/* os.environ[name] = value for pytest-xdist's variables (os.environ also
 * putenv()s them, for the processes tests start). */
static bool set_worker_environment(const struct wk_identity *identity)
{
    char index[24], count[24];
    snprintf(index, sizeof index, "gw%u", identity->index);
    snprintf(count, sizeof count, "%zu", identity->count);
    const char *const variables[][2] = {
        {"PYTEST_XDIST_WORKER", index},
        {"PYTEST_XDIST_WORKER_COUNT", count},
        {"PYTEST_XDIST_TESTRUNUID", identity->run_id},
    };
    PyObject *os = PyImport_ImportModule("os");
    PyObject *environ = os ? PyObject_GetAttrString(os, "environ") : NULL;
    bool set = environ != NULL;
    for (size_t i = 0; set && i < sizeof variables / sizeof variables[0]; i++) {
        PyObject *value = PyUnicode_FromString(variables[i][1]);
        set = value && PyMapping_SetItemString(environ, variables[i][0], value) == 0;
        Py_XDECREF(value);
    }
    Py_XDECREF(environ);
    Py_XDECREF(os);
    return set;
}

int wk_child_python_setup(void *engine, int diag_fd, const struct wk_identity *identity,
                          char **out_error)
{
    *out_error = NULL;
    PyObject *module = PyImport_ImportModule("faulthandler");
    PyObject *enabled = module ? PyObject_CallMethod(module, "enable", "(i)", diag_fd) : NULL;
    PyObject *registered =
        enabled ? PyObject_CallMethod(module, "register", "(ii)", SIGUSR1, diag_fd) : NULL;
    bool identified = registered && set_worker_environment(identity);
    PyObject *renewed =
        identified && engine ? PyObject_CallMethod(engine, "after_fork", NULL) : NULL;
    int rc = identified && (!engine || renewed) ? 0 : FASTEST_EPYTHON;
    if (rc)
        *out_error = pyh_take_error("cannot set up the worker's Python");
    Py_XDECREF(renewed);
    Py_XDECREF(registered);
    Py_XDECREF(enabled);
    Py_XDECREF(module);
    return rc;
}

void wk_child_flush(void)
{
    const char *const names[] = {"stdout", "stderr"};
    for (size_t i = 0; i < 2; i++) {
        PyObject *stream = PySys_GetObject(names[i]); /* borrowed */
        PyObject *result =
            stream && stream != Py_None ? PyObject_CallMethod(stream, "flush", NULL) : NULL;
        Py_XDECREF(result);
        PyErr_Clear();
    }
    fflush(stdout);
    fflush(stderr);
}
