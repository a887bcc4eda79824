#include "python/engine.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>
#include <fastest/fixture.h>

#include "cli/option_table.h"
#include "config/ini_types.h"
#include "install/layout.h"
#include "python/engine_mode.h"
#include "python/environment.h"
#include "python/error_text.h"
#include "python/event_from_dict.h"
#include "python/interpreter.h"
#include "session/session.h"

/* pytest's UsageError (a bad command line, a missing file argument): the
 * user's mistake, not the engine's. Takes the pending exception and sets
 * *out_error to its message when it is one. */
static bool take_usage_error(char **out_error)
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyObject *module = type ? PyObject_GetAttrString(type, "__module__") : NULL;
    bool usage = module && PyUnicode_Check(module) &&
                 strcmp(PyUnicode_AsUTF8(module), "_pytest.config.exceptions") == 0 &&
                 strcmp(((PyTypeObject *)type)->tp_name, "UsageError") == 0;
    Py_XDECREF(module);
    PyObject *text = usage && value ? PyObject_Str(value) : NULL;
    if (text) {
        *out_error = strdup(PyUnicode_AsUTF8(text));
        Py_DECREF(text);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        return true;
    }
    PyErr_Clear();
    PyErr_Restore(type, value, traceback);
    return false;
}

/* Returns FASTEST_EUSAGE for pytest's UsageError, else FASTEST_EPYTHON,
 * with the pending exception as *out_error. */
static int python_failure(const char *context, char **out_error)
{
    if (take_usage_error(out_error))
        return FASTEST_EUSAGE;
    *out_error = pyh_take_error(context);
    return FASTEST_EPYTHON;
}

static int prepend_sys_path(const char *folder)
{
    PyObject *path = PySys_GetObject("path"); /* borrowed */
    PyObject *entry = PyUnicode_FromString(folder);
    int rc = path && entry ? PyList_Insert(path, 0, entry) : -1;
    Py_XDECREF(entry);
    return rc;
}

static void add_values(void *context, const char *dest, const char *const *values, size_t count)
{
    PyObject *dict = context;
    PyObject *list = PyList_New((Py_ssize_t)count);
    if (!list)
        return;
    for (size_t i = 0; i < count; i++)
        PyList_SET_ITEM(list, (Py_ssize_t)i, PyUnicode_FromString(values[i]));
    PyDict_SetItemString(dict, dest, list);
    Py_DECREF(list);
}

/* ini values: a single value as str, several as a list of str, as the
 * config file gave them. */
static void add_ini_value(void *context, const char *key, const char *const *values, size_t count)
{
    if (count != 1) {
        add_values(context, key, values, count);
        return;
    }
    PyObject *text = PyUnicode_FromString(values[0]);
    if (text)
        PyDict_SetItemString(context, key, text);
    Py_XDECREF(text);
}

/* The fixture-provider plugins' modules, their folders put on sys.path. */
static PyObject *fixture_modules(const struct fastest_session *session)
{
    PyObject *modules = PyList_New(0);
    for (size_t i = 0; modules && i < session->plugins.count; i++) {
        const struct ft_plugin *plugin = &session->plugins.plugins[i];
        if (plugin->descriptor->kind != FASTEST_PLUGIN_FIXTURES)
            continue;
        const struct fastest_fixture_provider *provider = plugin->descriptor->table;
        if (provider->python_path) {
            char *folder = NULL;
            if (provider->python_path[0] == '/') {
                folder = strdup(provider->python_path);
            } else {
                char *plugin_path = strdup(plugin->path);
                if (plugin_path &&
                    asprintf(&folder, "%s/%s", dirname(plugin_path), provider->python_path) < 0)
                    folder = NULL;
                free(plugin_path);
            }
            if (!folder || prepend_sys_path(folder) < 0) {
                free(folder);
                Py_DECREF(modules);
                return NULL;
            }
            free(folder);
        }
        PyObject *name = PyUnicode_FromString(provider->python_module);
        if (!name || PyList_Append(modules, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(modules);
            return NULL;
        }
        Py_DECREF(name);
    }
    return modules;
}

/* One option as [[flag, alias], takes_value], or NULL on error. */
static PyObject *option_spec(const char *flag, const char *alias, int takes_value)
{
    PyObject *flags = alias ? Py_BuildValue("[ss]", flag, alias) : Py_BuildValue("[s]", flag);
    PyObject *spec = flags ? Py_BuildValue("[OO]", flags, takes_value ? Py_True : Py_False) : NULL;
    Py_XDECREF(flags);
    return spec;
}

/* Every option fastest parses (its table and its plugins'), for the pytest
 * engine: pytest must accept those it does not define itself. */
static PyObject *own_options(const struct fastest_session *session)
{
    PyObject *list = PyList_New(0);
    size_t count;
    const struct cli_option *builtin = cli_builtin_options(&count);
    for (size_t i = 0; list && i < count; i++) {
        PyObject *flags = PyList_New(0);
        for (size_t n = 0; flags && n < CLI_MAX_NAMES && builtin[i].names[n]; n++) {
            PyObject *name = PyUnicode_FromString(builtin[i].names[n]);
            if (!name || PyList_Append(flags, name) < 0)
                Py_CLEAR(flags);
            Py_XDECREF(name);
        }
        PyObject *spec =
            flags ? Py_BuildValue("[OO]", flags, cli_takes_value(&builtin[i]) ? Py_True : Py_False)
                  : NULL;
        Py_XDECREF(flags);
        if (!spec || PyList_Append(list, spec) < 0)
            Py_CLEAR(list);
        Py_XDECREF(spec);
    }
    for (size_t p = 0; list && p < session->plugins.count; p++) {
        const struct fastest_plugin *plugin = session->plugins.plugins[p].descriptor;
        for (size_t o = 0; list && o < plugin->option_count; o++) {
            const struct fastest_option *option = &plugin->options[o];
            PyObject *spec = option_spec(option->flag, option->alias, option->takes_value);
            if (!spec || PyList_Append(list, spec) < 0)
                Py_CLEAR(list);
            Py_XDECREF(spec);
        }
    }
    return list;
}

/* The config dict the engine's Session takes (see fastest.engine's
 * docstring; the pytest engine also reads "args" and "own_options"). */
static PyObject *engine_config(const struct fastest_session *session)
{
    PyObject *config = PyDict_New();
    PyObject *ini = PyDict_New();
    PyObject *options = PyDict_New();
    PyObject *modules = fixture_modules(session);
    PyObject *rootdir = PyUnicode_FromString(session->rootdir ? session->rootdir : ".");
    PyObject *inifile = session->inifile ? PyUnicode_FromString(session->inifile) : Py_NewRef(Py_None);
    PyObject *owned = own_options(session);
    PyObject *result = NULL;
    if (config && ini && options && modules && rootdir && inifile && owned) {
        /* The command line as the user gave it: pytest merges addopts and
         * PYTEST_ADDOPTS itself. */
        size_t arg_count;
        const char *const *args = opt_values(session->options, "fastest_args", &arg_count);
        add_values(config, "args", args, arg_count);
        opt_each(session->ini, add_ini_value, ini);
        opt_each(session->options, add_values, options);
        if (!PyErr_Occurred() && PyDict_SetItemString(config, "rootdir", rootdir) == 0 &&
            PyDict_SetItemString(config, "inifile", inifile) == 0 &&
            PyDict_SetItemString(config, "ini", ini) == 0 &&
            PyDict_SetItemString(config, "options", options) == 0 &&
            PyDict_SetItemString(config, "fixture_modules", modules) == 0 &&
            PyDict_SetItemString(config, "own_options", owned) == 0)
            result = Py_NewRef(config);
    }
    Py_XDECREF(config);
    Py_XDECREF(ini);
    Py_XDECREF(options);
    Py_XDECREF(modules);
    Py_XDECREF(rootdir);
    Py_XDECREF(inifile);
    Py_XDECREF(owned);
    return result;
}

/* pytest's `pythonpath` ini key: folders relative to the config file's,
 * put in front of sys.path in the order given, before any test module is
 * imported. (The pytest engine's own pytest does this itself.) */
static int insert_pythonpath(const struct fastest_session *session)
{
    size_t count;
    const char *const *values = opt_values(session->ini, "pythonpath", &count);
    if (!count || !session->inifile)
        return 0;
    struct cfg_list folders = {0};
    char *error = NULL;
    for (size_t i = 0; i < count; i++)
        if (cfg_split_args(values[i], &folders, &error)) {
            free(error);
            cfg_list_free(&folders);
            PyErr_Format(PyExc_ValueError, "pythonpath: cannot split '%s'", values[i]);
            return -1;
        }
    char *inifile = strdup(session->inifile);
    const char *base = inifile ? dirname(inifile) : ".";
    int rc = 0;
    for (size_t i = folders.count; rc == 0 && i-- > 0;) {
        char *folder;
        if (folders.items[i][0] == '/')
            folder = strdup(folders.items[i]);
        else if (asprintf(&folder, "%s/%s", base, folders.items[i]) < 0)
            folder = NULL;
        rc = folder ? prepend_sys_path(folder) : -1;
        if (!folder)
            PyErr_NoMemory();
        free(folder);
    }
    free(inifile);
    cfg_list_free(&folders);
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

int pyh_engine_prepare(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    if (session->engine)
        return 0;
    int rc = pyh_start(out_error);
    if (rc)
        return rc;
    rc = pyh_activate_environment(session, out_error);
    if (rc)
        return rc;
    if (prepend_sys_path(layout_python_dir()) < 0)
        return python_failure("cannot extend sys.path", out_error);
    if (!pyh_engine_is_pytest(session) && insert_pythonpath(session) < 0)
        return python_failure("cannot apply the pythonpath setting", out_error);
    if (pyh_engine_is_pytest(session) && !pytest_importable()) {
        if (asprintf(out_error,
                     "the pytest engine needs pytest, which the target environment does not "
                     "have (%s); install pytest there, point `python =` in fastest.ini at an "
                     "interpreter that has it, or run with --engine=native",
                     pyh_environment_description()) < 0)
            *out_error = NULL;
        return FASTEST_EUSAGE;
    }
    PyObject *config = engine_config(session);
    if (!config)
        return python_failure("cannot build the engine's configuration", out_error);
    PyObject *module = PyImport_ImportModule(pyh_engine_is_pytest(session)
                                                 ? "fastest.pytest_mode.engine"
                                                 : "fastest.engine");
    PyObject *engine = module ? PyObject_CallMethod(module, "Session", "O", config) : NULL;
    Py_XDECREF(module);
    Py_DECREF(config);
    if (!engine)
        return python_failure("the engine failed to start", out_error);
    session->engine = engine;
    return 0;
}

/* A list of the node ids of the given items. */
static PyObject *node_id_list(const struct fastest_session *session, const size_t *items,
                              size_t count)
{
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++) {
        if (items[i] >= session->item_count) {
            Py_DECREF(list);
            PyErr_Format(PyExc_IndexError, "item index %zu out of range", items[i]);
            return NULL;
        }
        PyObject *node_id = PyUnicode_FromString(session->items[items[i]].node_id);
        if (!node_id) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, node_id);
    }
    return list;
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
    PyObject *result = paths ? PyObject_CallMethod(session->engine, "collect", "O", paths) : NULL;
    Py_XDECREF(paths);
    if (!result)
        return python_failure("the engine failed to import the test modules", out_error);
    Py_DECREF(result);
    return 0;
}

/* The `emit` callable handed to the engine: converts each event dict and
 * passes it to the sink held in the capsule. */
struct sink_target {
    fastest_event_sink sink;
    void *context;
};

static PyObject *emit_event(PyObject *capsule, PyObject *dict)
{
    struct sink_target *target = PyCapsule_GetPointer(capsule, NULL);
    if (!target)
        return NULL;
    struct fastest_event event;
    struct ft_event_storage storage;
    if (event_from_dict(dict, &event, &storage) < 0)
        return NULL;
    target->sink(target->context, &event);
    event_storage_release(&storage);
    Py_RETURN_NONE;
}

static PyMethodDef emit_definition = {"emit", emit_event, METH_O,
                                      "Deliver one engine event to the host."};

/* A Python callable that forwards events to sink. target must outlive it. */
static PyObject *emit_callable(struct sink_target *target)
{
    PyObject *capsule = PyCapsule_New(target, NULL, NULL);
    if (!capsule)
        return NULL;
    PyObject *function = PyCFunction_New(&emit_definition, capsule);
    Py_DECREF(capsule);
    return function;
}

/* Calls engine.<method>(*arguments, emit) and maps its result: a true
 * result from run() means the run must stop. */
static int call_with_sink(struct fastest_session *session, const char *method, PyObject *argument,
                          fastest_event_sink sink, void *sink_context, char **out_error)
{
    struct sink_target target = {sink, sink_context};
    PyObject *emit = emit_callable(&target);
    if (!emit)
        return python_failure("cannot create the event callback", out_error);
    PyObject *result = argument
                           ? PyObject_CallMethod(session->engine, method, "OO", argument, emit)
                           : PyObject_CallMethod(session->engine, method, "O", emit);
    Py_DECREF(emit);
    if (!result)
        return python_failure("the engine failed", out_error);
    int stop = PyObject_IsTrue(result);
    Py_DECREF(result);
    return stop > 0 ? FASTEST_EINTR : 0;
}

int pyh_engine_run(struct fastest_session *session, const size_t *items, size_t count,
                   fastest_event_sink sink, void *sink_context, char **out_error)
{
    /* The engine runs only what it has collected: import the modules
     * first (already imported ones cost nothing). */
    int rc = pyh_engine_preload(session, items, count, out_error);
    if (rc)
        return rc;
    PyObject *node_ids = node_id_list(session, items, count);
    if (!node_ids)
        return python_failure("cannot pass the items to the engine", out_error);
    rc = call_with_sink(session, "run", node_ids, sink, sink_context, out_error);
    Py_DECREF(node_ids);
    return rc;
}

int pyh_engine_finish(struct fastest_session *session, fastest_event_sink sink,
                      void *sink_context, char **out_error)
{
    *out_error = NULL;
    if (!session->engine)
        return 0;
    int rc = call_with_sink(session, "finish", NULL, sink, sink_context, out_error);
    return rc == FASTEST_EINTR ? 0 : rc;
}

void pyh_engine_release(struct fastest_session *session)
{
    if (session->engine) {
        Py_DECREF((PyObject *)session->engine);
        session->engine = NULL;
    }
}

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

static const char *dict_text(PyObject *dict, const char *key)
{
    PyObject *value = PyDict_GetItemString(dict, key);
    return value && PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
}

static int visit_item(PyObject *dict, pyh_item_fn visit, void *context)
{
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "engine collect() must return dicts");
        return -1;
    }
    PyObject *line = PyDict_GetItemString(dict, "lineno");
    struct pyh_collected_item item = {
        .node_id = dict_text(dict, "node_id"),
        .path = dict_text(dict, "path"),
        .node_kind = dict_text(dict, "node_kind"),
        .line = line && PyLong_Check(line) ? (int)PyLong_AsLong(line) : -1,
        .deselected = PyDict_GetItemString(dict, "deselected") == Py_True,
    };
    item.marks = string_array(PyDict_GetItemString(dict, "marks"), &item.mark_count);
    item.keywords = string_array(PyDict_GetItemString(dict, "keywords"), &item.keyword_count);
    int rc = PyErr_Occurred() || !item.node_id || !item.path ? -1 : visit(context, &item);
    PyMem_Free((void *)item.marks);
    PyMem_Free((void *)item.keywords);
    if (rc == -1 && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "engine item without node_id or path");
    return rc;
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
    PyObject *items = list ? PyObject_CallMethod(session->engine, "collect", "O", list) : NULL;
    Py_XDECREF(list);
    PyObject *sequence = items ? PySequence_Fast(items, "collect() must return a list") : NULL;
    Py_XDECREF(items);
    if (!sequence)
        return python_failure("the engine failed to collect", out_error);
    rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PySequence_Fast_GET_SIZE(sequence); i++)
        rc = visit_item(PySequence_Fast_GET_ITEM(sequence, i), visit, context);
    Py_DECREF(sequence);
    if (rc == -1 && PyErr_Occurred())
        return python_failure("the engine returned a malformed item", out_error);
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
        return python_failure("the engine failed to report collection", out_error);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(sequence); i++) {
        struct fastest_event event;
        struct ft_event_storage storage;
        if (event_from_dict(PySequence_Fast_GET_ITEM(sequence, i), &event, &storage) < 0) {
            Py_DECREF(sequence);
            return python_failure("the engine made a malformed collection report", out_error);
        }
        sink(sink_context, &event);
        event_storage_release(&storage);
    }
    Py_DECREF(sequence);
    return 0;
}
