/* The engine's configuration: the dict fastest.engine.Session takes, and
 * what must be on sys.path before any test module is imported. */
#include "python/engine_internal.h"

#include <libgen.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/fixture.h>

#include "cli/cli.h"
#include "cli/option_table.h"
#include "config/ini_types.h"
#include "discovery/served_internals.h"
#include "session/session.h"

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
            if (!folder || pyh_prepend_sys_path(folder) < 0) {
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

/* The option's names (the first max of names, up to a NULL) as a list of
 * str, or NULL on error. */
static PyObject *names_list(const char *const *names, size_t max)
{
    PyObject *list = PyList_New(0);
    for (size_t n = 0; list && n < max && names[n]; n++) {
        PyObject *name = PyUnicode_FromString(names[n]);
        if (!name || PyList_Append(list, name) < 0)
            Py_CLEAR(list);
        Py_XDECREF(name);
    }
    return list;
}

/* Appends Py_BuildValue(format, ...) to list (an "N" argument's
 * reference is consumed, a NULL one fails); false on error. */
static bool append_row(PyObject *list, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    PyObject *row = Py_VaBuildValue(format, args);
    va_end(args);
    bool appended = row && PyList_Append(list, row) == 0;
    Py_XDECREF(row);
    return appended;
}

/* Calls add for each option of the loaded plugins that `-p no:NAME` does
 * not block (as their options are to fastest's parser, core/run/run.c),
 * until one fails; false then. */
static bool each_plugin_option(const struct fastest_session *session, PyObject *list,
                               bool (*add)(PyObject *list, const struct fastest_option *option))
{
    for (size_t p = 0; p < session->plugins.count; p++) {
        const struct fastest_plugin *plugin = session->plugins.plugins[p].descriptor;
        if (opt_plugin_disabled(session->options, plugin->name))
            continue;
        for (size_t o = 0; o < plugin->option_count; o++)
            if (!add(list, &plugin->options[o]))
                return false;
    }
    return true;
}

static PyObject *plugin_option_names(const struct fastest_option *option)
{
    return names_list((const char *const[]){option->flag, option->alias}, 2);
}

static bool add_own_plugin_option(PyObject *list, const struct fastest_option *option)
{
    return append_row(list, "[NO]", plugin_option_names(option),
                      option->takes_value ? Py_True : Py_False);
}

/* The options fastest parses that pytest does not define itself (xdist's,
 * fastest's, its plugins' but those `-p no:NAME` blocks), as [[flag, ...],
 * takes_value], for the pytest engine: pytest must accept them. pytest's
 * own options are left to pytest, which declares them unless `-p no:NAME`
 * blocks their plugin and then refuses them, as the pytest engine must
 * too. */
static PyObject *own_options(const struct fastest_session *session)
{
    PyObject *list = PyList_New(0);
    size_t count;
    const struct cli_option *builtin = cli_builtin_options(&count);
    for (size_t i = 0; list && i < count; i++) {
        if (cli_option_is_pytests(&builtin[i]))
            continue;
        if (!append_row(list, "[NO]", names_list(builtin[i].names, CLI_MAX_NAMES),
                        cli_takes_value(&builtin[i]) ? Py_True : Py_False))
            Py_CLEAR(list);
    }
    if (list && !each_plugin_option(session, list, add_own_plugin_option))
        Py_CLEAR(list);
    return list;
}

/* How the native engine types an option's stored strings (the kinds of
 * fastest.engine.config): "flag" for a switch storing "1" or "0" (one that
 * stores a value into an option's dest, as -x stores maxfail's, takes
 * that option's kind), "count", "int", "float", "list" or "text". */
static const char *option_kind(const struct cli_option *option)
{
    switch (option->action) {
    case CLI_COUNT:
    case CLI_QUIET:
        return "count";
    case CLI_APPEND:
        return "list";
    case CLI_STORE_CONST:
    case CLI_HELP:
        return !option->const_value || strcmp(option->const_value, "1") == 0 ||
                       strcmp(option->const_value, "0") == 0
                   ? "flag"
                   : "text";
    case CLI_STORE:
    case CLI_STORE_OPTIONAL:
        break;
    }
    return option->type == CLI_INT ? "int" : option->type == CLI_FLOAT ? "float" : "text";
}

static bool add_plugin_option_kind(PyObject *list, const struct fastest_option *option)
{
    return append_row(list, "[Nss]", plugin_option_names(option), option->dest,
                      option->takes_value ? "text" : "flag");
}

/* The options pytest (with pytest-xdist and the plugins' reporters) knows,
 * but those of the plugins `-p no:NAME` blocks, as [[name, ...], dest,
 * kind], for the native engine: config.getoption finds a dest by any option
 * name, as pytest's does, and every known dest has a value of pytest's
 * type. */
static PyObject *option_table(const struct fastest_session *session)
{
    PyObject *list = PyList_New(0);
    size_t count;
    const struct cli_option *builtin = cli_builtin_options(&count);
    const struct cli_context blocking = {.plugin_choices = session->options};
    for (size_t i = 0; list && i < count; i++) {
        if (cli_option_is_fastests(&builtin[i]) || cli_option_blocked(&blocking, &builtin[i]))
            continue;
        if (!append_row(list, "[Nss]", names_list(builtin[i].names, CLI_MAX_NAMES), builtin[i].dest,
                        option_kind(&builtin[i])))
            Py_CLEAR(list);
    }
    if (list && !each_plugin_option(session, list, add_plugin_option_kind))
        Py_CLEAR(list);
    return list;
}

/* {module: [name, ...]} of the _pytest modules the native engine serves
 * (discovery/served_internals.h). */
static PyObject *served_internals(void)
{
    size_t count;
    const struct disc_served_module *modules = disc_served_modules(&count);
    PyObject *dict = PyDict_New();
    for (size_t i = 0; dict && i < count; i++) {
        PyObject *names = PyList_New(0);
        for (const char *const *name = modules[i].names; names && *name; name++) {
            PyObject *text = PyUnicode_FromString(*name);
            if (!text || PyList_Append(names, text) < 0)
                Py_CLEAR(names);
            Py_XDECREF(text);
        }
        if (!names || PyDict_SetItemString(dict, modules[i].module, names) < 0)
            Py_CLEAR(dict);
        Py_XDECREF(names);
    }
    return dict;
}

/* The config dict the engine's Session takes (see fastest.engine's
 * docstring; the pytest engine also reads "args" and "own_options"). */
PyObject *pyh_engine_config(const struct fastest_session *session)
{
    PyObject *config = PyDict_New();
    PyObject *ini = PyDict_New();
    PyObject *options = PyDict_New();
    PyObject *modules = fixture_modules(session);
    PyObject *rootdir = PyUnicode_FromString(session->rootdir ? session->rootdir : ".");
    PyObject *inifile = session->inifile ? PyUnicode_FromString(session->inifile) : Py_NewRef(Py_None);
    PyObject *owned = own_options(session);
    PyObject *table = option_table(session);
    PyObject *served = served_internals();
    PyObject *result = NULL;
    if (config && ini && options && modules && rootdir && inifile && owned && table && served) {
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
            PyDict_SetItemString(config, "own_options", owned) == 0 &&
            PyDict_SetItemString(config, "option_table", table) == 0 &&
            PyDict_SetItemString(config, "served_internals", served) == 0)
            result = Py_NewRef(config);
    }
    Py_XDECREF(config);
    Py_XDECREF(ini);
    Py_XDECREF(options);
    Py_XDECREF(modules);
    Py_XDECREF(rootdir);
    Py_XDECREF(inifile);
    Py_XDECREF(owned);
    Py_XDECREF(table);
    Py_XDECREF(served);
    return result;
}

/* pytest's `pythonpath` ini key: folders relative to the config file's,
 * put in front of sys.path in the order given, before any test module is
 * imported. (The pytest engine's own pytest does this itself.) */
int pyh_insert_pythonpath(const struct fastest_session *session)
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
        rc = folder ? pyh_prepend_sys_path(folder) : -1;
        if (!folder)
            PyErr_NoMemory();
        free(folder);
    }
    free(inifile);
    cfg_list_free(&folders);
    return rc;
}
