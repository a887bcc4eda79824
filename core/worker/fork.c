#include "worker/fork.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "python/error_text.h"

pid_t wk_fork(void)
{
    fflush(stdout);
    fflush(stderr);
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0)
        PyOS_AfterFork_Child();
    else
        PyOS_AfterFork_Parent();
    return pid;
}

int wk_child_python_setup(void *engine, int diag_fd, char **out_error)
{
    *out_error = NULL;
    PyObject *module = PyImport_ImportModule("faulthandler");
    PyObject *enabled = module ? PyObject_CallMethod(module, "enable", "(i)", diag_fd) : NULL;
    PyObject *registered =
        enabled ? PyObject_CallMethod(module, "register", "(ii)", SIGUSR1, diag_fd) : NULL;
    PyObject *renewed =
        registered && engine ? PyObject_CallMethod(engine, "after_fork", NULL) : NULL;
    int rc = registered && (!engine || renewed) ? 0 : FASTEST_EPYTHON;
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
