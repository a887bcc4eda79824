/* The engine's configuration: the dict fastest.engine.Session takes, and
 * what must be on sys.path before any test module is imported. */
#include "python/engine_internal.h"

#include <libgen.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/fixture.h>

#include "cli/option_table.h"
#include "config/ini_types.h"
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

/* One option as [[flag, alias], takes_value], or NULL on error. */
static PyObject *option_spec(const char *flag, const char *alias, int takes_value)
{
    PyObject *flags = alias ? Py_BuildValue("[ss]", flag, alias) : Py_BuildValue("[s]", flag);
    PyObject *spec = flags ? Py_BuildValue("[OO]", flags, takes_value ? Py_True : Py_False) : NULL;
    Py_XDECREF(flags);
    return spec;
}

/* The options fastest parses that pytest does not define itself (xdist's,
 * fastest's, its plugins' but those `-p no:NAME` blocks), for the pytest
 * engine: pytest must accept them. pytest's own options are left to
 * pytest, which declares them unless `-p no:NAME` blocks their plugin and
 * then refuses them, as the pytest engine must too. */
static PyObject *own_options(const struct fastest_session *session)
{
    PyObject *list = PyList_New(0);
    size_t count;
    const struct cli_option *builtin = cli_builtin_options(&count);
    for (size_t i = 0; list && i < count; i++) {
        if (cli_option_is_pytests(&builtin[i]))
            continue;
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
        if (opt_plugin_disabled(session->options, plugin->name))
            continue; /* as its options are to fastest's parser (core/run/run.c) */
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
PyObject *pyh_engine_config(const struct fastest_session *session)
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
