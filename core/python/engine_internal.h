/* What the engine bridge's files share (core/python/engine*.c); not for
 * other subsystems, which use engine.h. */
#ifndef FT_PYTHON_ENGINE_INTERNAL_H
#define FT_PYTHON_ENGINE_INTERNAL_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fastest/host.h>

#include "python/engine.h"

/* Returns FASTEST_EUSAGE for pytest's UsageError (the message in
 * *out_error), else FASTEST_EPYTHON with the pending exception's traceback
 * after context; either way the exception is cleared and *out_error is
 * malloc'd (the caller frees it). Call with an exception pending. */
int pyh_python_failure(const char *context, char **out_error);

/* The text an engine method returned: *out_text a malloc'd copy of a str
 * result, NULL for None; anything else is an error naming method. Takes
 * result's reference; NULL (the call raised) is the pending exception's
 * error, after failure. Returns 0 or an error with *out_error. */
int pyh_text_result(PyObject *result, const char *method, const char *failure, char **out_text,
                    char **out_error);

/* Readies the interpreter for the engine, once per process: started, the
 * target environment's packages and fastest's package on sys.path, and
 * (for the native engine) the `pythonpath` ini key applied. Returns 0 or
 * an error with *out_error (malloc'd; the caller frees it). */
int pyh_engine_interpreter(struct fastest_session *session, char **out_error);

/* engine.collect(paths) with the cyclic garbage collector paused
 * (gc_pause.h): its result (a new reference), or NULL with the exception
 * set. paths stays the caller's. */
PyObject *pyh_engine_call_collect(struct fastest_session *session, PyObject *paths);

/* Puts folder first on sys.path. Returns 0, or -1 with an exception set. */
int pyh_prepend_sys_path(const char *folder);

/* The config dict the engine's Session takes (see fastest.engine's
 * docstring), or NULL with an exception set. New reference. */
PyObject *pyh_engine_config(const struct fastest_session *session);

/* Applies pytest's `pythonpath` ini key to sys.path. Returns 0, or -1 with
 * an exception set. */
int pyh_insert_pythonpath(const struct fastest_session *session);

/* Where the `emit` callable handed to the engine sends events. */
struct pyh_sink_target {
    fastest_event_sink sink;
    void *context;
};

/* A Python callable that converts each event dict it is given and passes
 * it to target's sink; target must outlive it. New reference, or NULL with
 * an exception set. */
PyObject *pyh_emit_callable(struct pyh_sink_target *target);

/* A Python callable that packs each event dict it is given for the wire
 * (struct pyh_wire_target in engine.h); target must outlive it. New
 * reference, or NULL with an exception set. */
PyObject *pyh_wire_emit_callable(struct pyh_wire_target *target);

#endif
