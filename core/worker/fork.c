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

static int call_method(PyObject *object, const char *name)
{
    PyObject *result = PyObject_CallMethod(object, name, NULL);
    Py_XDECREF(result);
    return result ? 0 : -1;
}

/* The native engine's Session keeps its CaptureManager as `capture`;
 * restarting it opens new capture files. An engine without one (the real
 * pytest mode) has nothing shared to renew. */
static int renew_capture(PyObject *engine)
{
    PyObject *capture = PyObject_HasAttrString(engine, "capture")
                            ? PyObject_GetAttrString(engine, "capture")
                            : NULL;
    if (!capture)
        return PyErr_Occurred() ? -1 : 0;
    int rc = call_method(capture, "stop") == 0 && call_method(capture, "start") == 0 ? 0 : -1;
    Py_DECREF(capture);
    return rc;
}

int wk_child_python_setup(void *engine, int diag_fd, char **out_error)
{
    *out_error = NULL;
    PyObject *module = PyImport_ImportModule("faulthandler");
    PyObject *enabled = module ? PyObject_CallMethod(module, "enable", "(i)", diag_fd) : NULL;
    PyObject *registered =
        enabled ? PyObject_CallMethod(module, "register", "(ii)", SIGUSR1, diag_fd) : NULL;
    int rc = registered && (!engine || renew_capture(engine) == 0) ? 0 : FASTEST_EPYTHON;
    if (rc)
        *out_error = pyh_take_error("cannot set up the worker's Python");
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
