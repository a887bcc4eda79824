/* Collection through the engine: importing test files, the items it
 * builds, and the reports and warnings collection made. */
#include "python/engine.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "python/engine_internal.h"
#include "python/event_from_dict.h"
#include "python/gc_pause.h"
#include "session/session.h"

/* A list of str as a borrowed array of UTF-8 pointers (PyMem; the caller
 * frees it). */
static const char **string_array(PyObject *list, size_t *out_count)
{
    *out_count = 0;
    if (!list || list == Py_None)
        return NULL;
    PyObject *sequence = PySequence_Fast(list, "expected a list of str");
    if (!sequence)
        return NULL;
    Py_ssize_t length = PySequence_Fast_GET_SIZE(sequence);
    const char **array = PyMem_Calloc((size_t)length + 1, sizeof(*array));
    for (Py_ssize_t i = 0; array && i < length; i++) {
        array[i] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(sequence, i));
        if (!array[i]) {
            PyMem_Free(array);
            array = NULL;
        }
    }
    /* The strings belong to the list, which the item dict keeps alive. */
    Py_DECREF(sequence);
    *out_count = array ? (size_t)length : 0;
    return array;
}

/* The keys of the engine's item dicts. */
enum item_key {
    KEY_NODE_ID,
    KEY_PATH,
    KEY_NODE_KIND,
    KEY_XDIST_GROUP,
    KEY_DESELECTED,
    KEY_DROPPED,
    KEY_SHARES_FIXTURES,
    KEY_TIMEOUT,
    KEY_MARKS,
    KEY_KEYWORDS,
    ITEM_KEY_COUNT,
};

static const char *const item_key_names[ITEM_KEY_COUNT] = {
    "node_id",         "path",    "node_kind", "xdist_group", "deselected", "dropped",
    "shares_fixtures", "timeout", "marks",     "keywords",
};

/* The keys as interned str objects, made once: a lookup by C string makes
 * a new object each time, ten per item. NULL with an exception set when
 * Python has no memory left. */
static PyObject *const *item_keys(void)
{
    static PyObject *keys[ITEM_KEY_COUNT];
    for (size_t i = 0; i < ITEM_KEY_COUNT; i++)
        if (!keys[i] && !(keys[i] = PyUnicode_InternFromString(item_key_names[i])))
            return NULL;
    return keys;
}

static const char *dict_text(PyObject *dict, PyObject *key)
{
    PyObject *value = PyDict_GetItem(dict, key);
    return value && PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
}

static int visit_item(PyObject *dict, pyh_item_fn visit, void *context)
{
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "engine collect() must return dicts");
        return -1;
    }
    PyObject *const *keys = item_keys();
    if (!keys)
        return -1;
    struct pyh_collected_item item = {
        .node_id = dict_text(dict, keys[KEY_NODE_ID]),
        .path = dict_text(dict, keys[KEY_PATH]),
        .node_kind = dict_text(dict, keys[KEY_NODE_KIND]),
        .xdist_group = dict_text(dict, keys[KEY_XDIST_GROUP]),
        .deselected = PyDict_GetItem(dict, keys[KEY_DESELECTED]) == Py_True,
        .dropped = PyDict_GetItem(dict, keys[KEY_DROPPED]) == Py_True,
        .shares_fixtures = PyDict_GetItem(dict, keys[KEY_SHARES_FIXTURES]) == Py_True,
    };
    PyObject *timeout = PyDict_GetItem(dict, keys[KEY_TIMEOUT]);
    if (timeout && PyFloat_Check(timeout)) {
        item.has_timeout_mark = true;
        item.timeout_mark = PyFloat_AS_DOUBLE(timeout);
    }
    item.marks = string_array(PyDict_GetItem(dict, keys[KEY_MARKS]), &item.mark_count);
    item.keywords = string_array(PyDict_GetItem(dict, keys[KEY_KEYWORDS]), &item.keyword_count);
    int rc = PyErr_Occurred() || !item.node_id || !item.path ? -1 : visit(context, &item);
    PyMem_Free((void *)item.marks);
    PyMem_Free((void *)item.keywords);
    if (rc == -1 && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "engine item without node_id or path");
    return rc;
}

/* Writes out what Python's and C's standard streams buffer, leaving a
 * pending exception (collect()'s failure) pending. */
static void flush_standard_streams(void)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    static const char *const names[] = {"stdout", "stderr"};
    for (size_t i = 0; i < 2; i++) {
        PyObject *stream = PySys_GetObject(names[i]); /* borrowed */
        PyObject *result = stream ? PyObject_CallMethod(stream, "flush", NULL) : NULL;
        Py_XDECREF(result);
    }
    PyErr_Clear();
    PyErr_Restore(type, value, traceback);
    fflush(NULL);
}

/* The engine's copies of descriptors 1 and 2 (terminal_descriptors(): its
 * suspended output capture restores them from these), at most max. */
static size_t terminal_copies(struct fastest_session *session, struct held_output_copy *out,
                              size_t max)
{
    PyObject *pairs = PyObject_CallMethod(session->engine, "terminal_descriptors", NULL);
    PyObject *sequence = pairs ? PySequence_Fast(pairs, "a list") : NULL;
    Py_XDECREF(pairs);
    size_t count = 0;
    for (Py_ssize_t i = 0; sequence && i < PySequence_Fast_GET_SIZE(sequence) && count < max; i++) {
        int stream, fd;
        if (PyArg_ParseTuple(PySequence_Fast_GET_ITEM(sequence, i), "ii", &stream, &fd) &&
            fd > 2)
            out[count++] = (struct held_output_copy){stream, fd};
    }
    Py_XDECREF(sequence);
    PyErr_Clear();
    return count;
}

PyObject *pyh_engine_call_collect(struct fastest_session *session, PyObject *paths)
{
    bool was_enabled = pyh_gc_pause();
    PyObject *items = PyObject_CallMethod(session->engine, "collect", "O", paths);
    pyh_gc_resume(was_enabled);
    return items;
}

/* The engine's collect(paths), with what collection writes past its
 * capture held until the header is out (session/held_output.h). */
static PyObject *collect_items(struct fastest_session *session, PyObject *paths)
{
    struct held_output *held = &session->collection_output;
    bool hold = held->files[0] < 0;
    if (hold) {
        struct held_output_copy copies[HELD_OUTPUT_MAX_DIVERTED - 2];
        size_t copy_count = terminal_copies(session, copies, HELD_OUTPUT_MAX_DIVERTED - 2);
        flush_standard_streams();
        hold = held_output_start(held, copies, copy_count) == 0;
    }
    PyObject *items = pyh_engine_call_collect(session, paths);
    if (hold) {
        flush_standard_streams();
        held_output_stop(held);
    }
    return items;
}

int pyh_engine_collect(struct fastest_session *session, const char *const *paths, size_t count,
                       pyh_item_fn visit, void *context, char **out_error)
{
    int rc = pyh_engine_prepare(session, out_error);
    if (rc)
        return rc;
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++)
        PyList_SET_ITEM(list, (Py_ssize_t)i, PyUnicode_FromString(paths[i]));
    PyObject *items = list ? collect_items(session, list) : NULL;
    Py_XDECREF(list);
    PyObject *sequence = items ? PySequence_Fast(items, "collect() must return a list") : NULL;
    Py_XDECREF(items);
    if (!sequence)
        return pyh_python_failure("the engine failed to collect", out_error);
    rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PySequence_Fast_GET_SIZE(sequence); i++)
        rc = visit_item(PySequence_Fast_GET_ITEM(sequence, i), visit, context);
    Py_DECREF(sequence);
    if (rc == -1 && PyErr_Occurred())
        return pyh_python_failure("the engine returned a malformed item", out_error);
    return rc;
}

int pyh_engine_collection_events(struct fastest_session *session, fastest_event_sink sink,
                                 void *sink_context, char **out_error)
{
    *out_error = NULL;
    if (!session->engine)
        return 0;
    PyObject *events = PyObject_CallMethod(session->engine, "collection_events", NULL);
    PyObject *sequence =
        events ? PySequence_Fast(events, "collection_events() must return a list") : NULL;
    Py_XDECREF(events);
    if (!sequence)
        return pyh_python_failure("the engine failed to report collection", out_error);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(sequence); i++) {
        struct fastest_event event;
        struct event_copies copies = {0};
        if (event_from_dict(PySequence_Fast_GET_ITEM(sequence, i), &event, &copies) < 0) {
            Py_DECREF(sequence);
            return pyh_python_failure("the engine made a malformed collection report", out_error);
        }
        sink(sink_context, &event);
        event_from_dict_release(&event, &copies);
    }
    Py_DECREF(sequence);
    return 0;
}

int pyh_text_result(PyObject *result, const char *method, const char *failure, char **out_text,
                    char **out_error)
{
    *out_text = NULL;
    *out_error = NULL;
    if (!result)
        return pyh_python_failure(failure, out_error);
    int rc = 0;
    if (result != Py_None) {
        const char *text = PyUnicode_Check(result) ? PyUnicode_AsUTF8(result) : NULL;
        if (!text) {
            PyErr_Clear();
            rc = (*out_error = ft_format("engine.%s() did not return a str", method))
                     ? FASTEST_EPYTHON
                     : FASTEST_ENOMEM;
        } else if (!(*out_text = strdup(text))) {
            rc = FASTEST_ENOMEM;
        }
    }
    Py_DECREF(result);
    return rc;
}

/* Calls engine.<method>() for its text (pyh_text_result). */
static int call_for_text(struct fastest_session *session, const char *method, const char *failure,
                         char **out_text, char **out_error)
{
    return pyh_text_result(PyObject_CallMethod(session->engine, method, NULL), method, failure,
                           out_text, out_error);
}

int pyh_engine_pytest_need(struct fastest_session *session, char **out_reason, char **out_error)
{
    return call_for_text(session, "pytest_need", "the engine failed to check its need for pytest",
                         out_reason, out_error);
}

int pyh_engine_report_header(struct fastest_session *session, char **out_lines, char **out_error)
{
    return call_for_text(session, "report_header", "the engine failed to make its header",
                         out_lines, out_error);
}

int pyh_engine_collection_finish_lines(struct fastest_session *session, char **out_lines,
                                       char **out_error)
{
    return call_for_text(session, "collection_finish_lines",
                         "the engine failed to make the lines after its collection", out_lines,
                         out_error);
}

int pyh_engine_terminal_summary(struct fastest_session *session, char **out_text,
                                long *out_newline_at, char **out_error)
{
    *out_text = NULL;
    *out_newline_at = -1;
    *out_error = NULL;
    PyObject *result = PyObject_CallMethod(session->engine, "terminal_summary", NULL);
    if (!result)
        return pyh_python_failure("the engine failed to keep its terminal summary", out_error);
    PyObject *text = NULL, *newline_at = NULL;
    const char *chars = NULL;
    if (PyArg_ParseTuple(result, "UO", &text, &newline_at) && (chars = PyUnicode_AsUTF8(text)) &&
        (newline_at == Py_None || PyLong_Check(newline_at))) {
        *out_newline_at = newline_at == Py_None ? -1 : PyLong_AsLong(newline_at);
        *out_text = strdup(chars);
        Py_DECREF(result);
        return *out_text ? 0 : FASTEST_ENOMEM;
    }
    PyErr_Clear();
    Py_DECREF(result);
    *out_error = ft_format("engine.terminal_summary() did not return (str, int or None)");
    return *out_error ? FASTEST_EPYTHON : FASTEST_ENOMEM;
}
