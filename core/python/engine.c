#include "python/engine.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "install/layout.h"
#include "python/engine_internal.h"
#include "python/engine_mode.h"
#include "python/environment.h"
#include "python/error_text.h"
#include "python/event_to_dict.h"
#include "python/gc_pause.h"
#include "python/interpreter.h"
#include "session/epoch_clock.h"
#include "session/session.h"
#include "wire/event_names.h"

/* When the pending exception is a module.name (a class known by name:
 * pytest's UsageError, fastest's StartupRefusal), takes it and returns its
 * attribute's text, or str() of it when attribute is NULL (malloc'd);
 * otherwise leaves it pending and returns NULL. */
static char *take_exception_text(const char *module, const char *name, const char *attribute)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyObject *owner = type ? PyObject_GetAttrString(type, "__module__") : NULL;
    bool match = owner && PyUnicode_Check(owner) && strcmp(PyUnicode_AsUTF8(owner), module) == 0 &&
                 strcmp(((PyTypeObject *)type)->tp_name, name) == 0;
    Py_XDECREF(owner);
    PyObject *text = !match || !value ? NULL
                     : attribute      ? PyObject_GetAttrString(value, attribute)
                                      : PyObject_Str(value);
    const char *utf8 = text && PyUnicode_Check(text) ? PyUnicode_AsUTF8(text) : NULL;
    char *copy = utf8 ? strdup(utf8) : NULL;
    Py_XDECREF(text);
    PyErr_Clear();
    if (!copy) {
        PyErr_Restore(type, value, traceback);
        return NULL;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    return copy;
}

/* Returns FASTEST_EUSAGE for pytest's UsageError (the user's mistake, not
 * the engine's: its message as *out_error) and for a
 * fastest.startup_refusal.StartupRefusal (pytest refusing to start in its
 * own words, such as a conftest that fails to import: printed on stderr
 * here, as pytest prints it, *out_error NULL), else FASTEST_EPYTHON, with
 * the pending exception as *out_error. */
int pyh_python_failure(const char *context, char **out_error)
{
    char *refusal = take_exception_text("fastest.startup_refusal", "StartupRefusal", "text");
    if (refusal) {
        fflush(stdout);
        fprintf(stderr, "%s\n", refusal);
        free(refusal);
        *out_error = NULL;
        return FASTEST_EUSAGE;
    }
    if ((*out_error = take_exception_text("_pytest.config.exceptions", "UsageError", NULL)))
        return FASTEST_EUSAGE;
    *out_error = pyh_take_error(context);
    return FASTEST_EPYTHON;
}

int pyh_prepend_sys_path(const char *folder)
{
    PyObject *path = PySys_GetObject("path"); /* borrowed */
    PyObject *entry = PyUnicode_FromString(folder);
    int rc = path && entry ? PyList_Insert(path, 0, entry) : -1;
    Py_XDECREF(entry);
    return rc;
}

/* True when the target environment can import pytest (found, not run). */
static bool pytest_importable(void)
{
    PyObject *util = PyImport_ImportModule("importlib.util");
    PyObject *spec = util ? PyObject_CallMethod(util, "find_spec", "s", "pytest") : NULL;
    Py_XDECREF(util);
    bool found = spec && spec != Py_None;
    Py_XDECREF(spec);
    PyErr_Clear();
    return found;
}

int pyh_engine_interpreter(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    static bool ready;
    if (ready)
        return 0;
    int rc = pyh_start(out_error);
    if (rc)
        return rc;
    rc = pyh_activate_environment(session, out_error);
    if (rc)
        return rc;
    if (pyh_prepend_sys_path(layout_python_dir()) < 0)
        return pyh_python_failure("cannot extend sys.path", out_error);
    if (!pyh_engine_is_pytest(session) && pyh_insert_pythonpath(session) < 0)
        return pyh_python_failure("cannot apply the pythonpath setting", out_error);
    ready = true;
    return 0;
}

/* What Python does with a KeyboardInterrupt nothing caught: the
 * traceback on stderr, the process's end (atexit handlers, flushed
 * output), then death by SIGINT, so that the shell sees an interrupted
 * program (status 130). */
static _Noreturn void die_interrupted(void)
{
    PyErr_Print();
    pyh_stop();
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    _exit(128 + SIGINT);
}

/* The engine module's Session(config), or NULL with the exception set. */
static PyObject *start_engine(const char *module_name, PyObject *config)
{
    bool was_enabled = pyh_gc_pause();
    PyObject *module = PyImport_ImportModule(module_name);
    PyObject *engine = module ? PyObject_CallMethod(module, "Session", "O", config) : NULL;
    Py_XDECREF(module);
    pyh_gc_resume(was_enabled);
    return engine;
}

int pyh_engine_prepare(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    if (session->engine)
        return 0;
    int rc = pyh_engine_interpreter(session, out_error);
    if (rc)
        return rc;
    if (pyh_engine_is_pytest(session) && !pytest_importable()) {
        const char *reason = opt_get(session->options, "fastest_engine_reason");
        if (asprintf(out_error,
                     "the pytest engine (%s) needs pytest, which the target environment does "
                     "not have (%s); install pytest there, point `python =` in fastest.ini at "
                     "an interpreter that has it, or run with --engine=native",
                     reason ? reason : "asked for", pyh_environment_description()) < 0)
            *out_error = NULL;
        return FASTEST_EUSAGE;
    }
    PyObject *config = pyh_engine_config(session);
    if (!config)
        return pyh_python_failure("cannot build the engine's configuration", out_error);
    PyObject *engine = start_engine(
        pyh_engine_is_pytest(session) ? "fastest.pytest_mode.engine" : "fastest.engine", config);
    Py_DECREF(config);
    /* An initial conftest (imported as the engine starts) that raises
     * SystemExit or KeyboardInterrupt (sys.exit(), a Ctrl-C during a slow
     * import) ends pytest's process as Python ends any program they reach
     * the top of. */
    if (!engine && PyErr_ExceptionMatches(PyExc_SystemExit))
        PyErr_Print(); /* exits with the code */
    if (!engine && PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
        die_interrupted();
    if (!engine)
        return pyh_python_failure("the engine failed to start", out_error);
    session->engine = engine;
    session->engine_started = epoch_now();
    return 0;
}

/* A list of the node ids of the given items (indices), or of every item
 * for items NULL (count is then the session's item count). */
static PyObject *node_id_list(const struct fastest_session *session, const size_t *items,
                              size_t count)
{
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++) {
        size_t index = items ? items[i] : i;
        if (index >= session->item_count) {
            Py_DECREF(list);
            PyErr_Format(PyExc_IndexError, "item index %zu out of range", index);
            return NULL;
        }
        PyObject *node_id = PyUnicode_FromString(session->items[index].node_id);
        if (!node_id) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, node_id);
    }
    return list;
}

/* 0 for an engine call's result (dropped), or for NULL the pending
 * exception as the error, failure saying what failed. */
static int call_status(PyObject *result, const char *failure, char **out_error)
{
    if (!result)
        return pyh_python_failure(failure, out_error);
    Py_DECREF(result);
    return 0;
}

/* Calls engine.<method>(argument), taking argument's reference (NULL when
 * making it failed, an exception pending); failure says what failed. */
static int call_taking(struct fastest_session *session, const char *method, PyObject *argument,
                       const char *failure, char **out_error)
{
    PyObject *result =
        argument ? PyObject_CallMethod(session->engine, method, "O", argument) : NULL;
    Py_XDECREF(argument);
    return call_status(result, failure, out_error);
}

int pyh_engine_finish_collection(struct fastest_session *session, char **out_printed,
                                 char **out_error)
{
    PyObject *node_ids = node_id_list(session, NULL, session->item_count);
    PyObject *result =
        node_ids ? PyObject_CallMethod(session->engine, "finish_collection", "O", node_ids) : NULL;
    Py_XDECREF(node_ids);
    return pyh_text_result(result, "finish_collection",
                           "the engine failed to finish its collection", out_printed, out_error);
}

int pyh_engine_preload(struct fastest_session *session, const size_t *items, size_t count,
                       char **out_error)
{
    int rc = pyh_engine_prepare(session, out_error);
    if (rc)
        return rc;
    /* Importing a module is collecting it: the engine keeps what it built. */
    PyObject *paths = PyList_New(0);
    for (size_t i = 0; paths && i < count; i++) {
        const char *path = session->items[items[i]].path;
        if (i > 0 && strcmp(path, session->items[items[i - 1]].path) == 0)
            continue;
        PyObject *text = PyUnicode_FromString(path);
        if (!text || PyList_Append(paths, text) < 0)
            Py_CLEAR(paths);
        Py_XDECREF(text);
    }
    PyObject *collected = paths ? pyh_engine_call_collect(session, paths) : NULL;
    Py_XDECREF(paths);
    return call_status(collected, "the engine failed to import the test modules", out_error);
}

#define MAX_ARGUMENTS 2

/* Calls engine.<method>(*arguments, emit) (count arguments, at most
 * MAX_ARGUMENTS, borrowed), its result in *out_result (a new reference).
 * Takes emit's reference. */
static int call_with_emit(struct fastest_session *session, const char *method,
                          PyObject *const *arguments, size_t count, PyObject *emit,
                          PyObject **out_result, char **out_error)
{
    if (!emit)
        return pyh_python_failure("cannot create the event callback", out_error);
    PyObject *call[MAX_ARGUMENTS + 2] = {session->engine};
    for (size_t i = 0; i < count && i < MAX_ARGUMENTS; i++)
        call[1 + i] = arguments[i];
    call[1 + count] = emit;
    PyObject *name = PyUnicode_FromString(method);
    *out_result = name ? PyObject_VectorcallMethod(name, call, count + 2, NULL) : NULL;
    Py_XDECREF(name);
    Py_DECREF(emit);
    return *out_result ? 0 : pyh_python_failure("the engine failed", out_error);
}

/* The start of a run: the items' modules imported (the engine runs only
 * what it has collected; imported ones cost nothing) and their node ids
 * in *out_node_ids (a new reference). */
static int start_run(struct fastest_session *session, const size_t *items, size_t count,
                     PyObject **out_node_ids, char **out_error)
{
    int rc = pyh_engine_preload(session, items, count, out_error);
    if (rc)
        return rc;
    *out_node_ids = node_id_list(session, items, count);
    return *out_node_ids ? 0 : pyh_python_failure("cannot pass the items to the engine", out_error);
}

/* The engine's `emit` callable for a target, made once the interpreter
 * runs: in-process a sink's, in a worker the wire's (engine_sink.c). */
typedef PyObject *(*emit_maker)(void *target);

static PyObject *sink_emit(void *target)
{
    return pyh_emit_callable(target);
}

static PyObject *wire_emit(void *target)
{
    return pyh_wire_emit_callable(target);
}

/* A true result from the engine: the run must stop. Takes result's
 * reference. */
static int stop_status(PyObject *result)
{
    int stop = PyObject_IsTrue(result);
    Py_DECREF(result);
    return stop > 0 ? FASTEST_EINTR : 0;
}

static int run_with(struct fastest_session *session, const size_t *items, size_t count,
                    emit_maker make_emit, void *target, char **out_error)
{
    PyObject *node_ids;
    int rc = start_run(session, items, count, &node_ids, out_error);
    if (rc)
        return rc;
    PyObject *result = NULL;
    rc = call_with_emit(session, "run", &node_ids, 1, make_emit(target), &result, out_error);
    Py_DECREF(node_ids);
    return rc ? rc : stop_status(result);
}

/* engine.finish(emit), its result in *out_result; without an engine
 * (nothing ran in this process) there is nothing to finish (None). */
static int finish_with(struct fastest_session *session, emit_maker make_emit, void *target,
                       PyObject **out_result, char **out_error)
{
    *out_error = NULL;
    if (!session->engine) {
        *out_result = Py_NewRef(Py_None);
        return 0;
    }
    session->engine_finished = true;
    return call_with_emit(session, "finish", NULL, 0, make_emit(target), out_result, out_error);
}

int pyh_engine_run(struct fastest_session *session, const size_t *items, size_t count,
                   fastest_event_sink sink, void *sink_context, char **out_error)
{
    struct pyh_sink_target target = {sink, sink_context};
    return run_with(session, items, count, sink_emit, &target, out_error);
}

int pyh_engine_settle(struct fastest_session *session, fastest_event_sink sink, void *sink_context,
                      char **out_error)
{
    *out_error = NULL;
    struct pyh_sink_target target = {sink, sink_context};
    PyObject *result = NULL;
    int rc = call_with_emit(session, "settle", NULL, 0, sink_emit(&target), &result, out_error);
    return rc ? rc : stop_status(result);
}

int pyh_engine_run_to_wire(struct fastest_session *session, const size_t *items, size_t count,
                           struct pyh_wire_target *target, char **out_error)
{
    return run_with(session, items, count, wire_emit, target, out_error);
}

/* The engine's terminal summary text, as the options the console reads
 * when it writes its summary. */
static int keep_terminal_summary(struct fastest_session *session, char **out_error)
{
    char *text = NULL;
    long newline_at = -1;
    int rc = pyh_engine_terminal_summary(session, &text, &newline_at, out_error);
    if (rc == 0 && text && *text)
        rc = opt_set(session->options, "fastest_terminal_summary", text);
    if (rc == 0 && text && *text && newline_at >= 0 && (size_t)newline_at <= strlen(text)) {
        char offset[32];
        snprintf(offset, sizeof offset, "%ld", newline_at);
        rc = opt_set(session->options, "fastest_terminal_summary_newline_at", offset);
    }
    free(text);
    return rc;
}

/* Once the engine's session ended in this process (finish or
 * finish_elsewhere, result what it returned: None, or the exit status
 * pytest's session ended with when a plugin made it other than the items
 * did, which becomes the run's: tally_exit_status), its terminal summary
 * is kept. Takes result's reference. */
static int ended_here(struct fastest_session *session, PyObject *result, char **out_error)
{
    if (PyLong_Check(result)) {
        session->tally.session_status_set = true;
        session->tally.session_status = (int)PyLong_AsLong(result);
    }
    Py_DECREF(result);
    return session->engine ? keep_terminal_summary(session, out_error) : 0;
}

int pyh_engine_finish(struct fastest_session *session, fastest_event_sink sink,
                      void *sink_context, char **out_error)
{
    struct pyh_sink_target target = {sink, sink_context};
    PyObject *result = NULL;
    int rc = finish_with(session, sink_emit, &target, &result, out_error);
    return rc ? rc : ended_here(session, result, out_error);
}

/* In the process that forked the workers: a Ctrl-C it got while they ran,
 * which its Python's SIGINT handler left pending, is the run's
 * interruption (the workers got it too, and say so); it must not fail the
 * engine's next call (a replayed report, the session's end). */
static void take_pending_interrupt(struct fastest_session *session)
{
    if (PyErr_CheckSignals() == 0 || !PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
        return;
    PyErr_Clear();
    session->tally.interrupted = true;
}

int pyh_engine_finish_elsewhere(struct fastest_session *session, fastest_event_sink sink,
                                void *sink_context, char **out_error)
{
    *out_error = NULL;
    if (!session->engine || session->engine_finished)
        return 0;
    session->engine_finished = true;
    take_pending_interrupt(session);
    int exit_status = session_exit_status(session);
    struct pyh_sink_target target = {sink, sink_context};
    /* pytest's session.testsfailed: each failed report, collection's too. */
    PyObject *outcome[] = {PyLong_FromLong(exit_status),
                           PyLong_FromSize_t(session->tally.failed + session->tally.errors)};
    PyObject *result = NULL;
    int rc = outcome[0] && outcome[1]
                 ? call_with_emit(session, "finish_elsewhere", outcome, 2, sink_emit(&target),
                                  &result, out_error)
                 : pyh_python_failure("cannot pass the run's outcome to the engine", out_error);
    Py_XDECREF(outcome[0]);
    Py_XDECREF(outcome[1]);
    return rc ? rc : ended_here(session, result, out_error);
}

/* A worker's exit status is not the run's: the parent ends the session. */
int pyh_engine_finish_to_wire(struct fastest_session *session, struct pyh_wire_target *target,
                              char **out_error)
{
    PyObject *result = NULL;
    int rc = finish_with(session, wire_emit, target, &result, out_error);
    Py_XDECREF(result);
    return rc;
}

int pyh_engine_unconfigure(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    if (!session->engine)
        return 0;
    return call_status(PyObject_CallMethod(session->engine, "unconfigure", NULL),
                       "the engine failed to unconfigure pytest", out_error);
}

int pyh_engine_replay(struct fastest_session *session, const struct fastest_event *event,
                      char **out_error)
{
    *out_error = NULL;
    take_pending_interrupt(session);
    return call_taking(session, "replay", event_to_dict(event),
                       "the engine failed to hear a worker's report", out_error);
}

int pyh_engine_before_workers(struct fastest_session *session, uint32_t *out_heard_kinds,
                              char **out_error)
{
    *out_error = NULL;
    *out_heard_kinds = 0;
    PyObject *kinds = PyObject_CallMethod(session->engine, "before_workers", NULL);
    PyObject *iterator = kinds ? PyObject_GetIter(kinds) : NULL;
    Py_XDECREF(kinds);
    if (!iterator)
        return pyh_python_failure("the engine failed to prepare for its workers", out_error);
    PyObject *name;
    while ((name = PyIter_Next(iterator))) {
        Py_ssize_t length = 0;
        const char *text = PyUnicode_Check(name) ? PyUnicode_AsUTF8AndSize(name, &length) : NULL;
        uint32_t kind = text ? wire_event_kind_from_name(text, (size_t)length) : 0;
        Py_DECREF(name);
        if (!kind || kind >= 32) {
            Py_DECREF(iterator);
            PyErr_Clear();
            *out_error =
                ft_format("engine.before_workers() named an event kind fastest does not know");
            return *out_error ? FASTEST_EPYTHON : FASTEST_ENOMEM;
        }
        *out_heard_kinds |= UINT32_C(1) << kind;
    }
    Py_DECREF(iterator);
    return PyErr_Occurred()
               ? pyh_python_failure("the engine failed to prepare for its workers", out_error)
               : 0;
}

void pyh_engine_release(struct fastest_session *session)
{
    if (session->engine) {
        Py_DECREF((PyObject *)session->engine);
        session->engine = NULL;
    }
}
