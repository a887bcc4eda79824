#include "python/environment.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "options/options.h"
#include "python/error_text.h"
#include "python/interpreter_layout.h"
#include "python/interpreter_probe.h"
#include "session/session.h"

/* "3.11": the Python this fastest embeds, known when it is built. */
#define EMBEDDED_VERSION Py_STRINGIFY(PY_MAJOR_VERSION) "." Py_STRINGIFY(PY_MINOR_VERSION)

struct target {
    char *interpreter;  /* as found: a path, or a command for PATH */
    const char *source; /* why this one, for messages */
    bool required;      /* named by the user: not finding it is an error */
};

/* An installation's own site folders. The embedded installation's layout
 * is vendor-specific (Debian's dist-packages), and only its site module
 * knows it; any other follows CPython's lib/pythonX.Y/site-packages. */
static int installation_site_dirs(const char *prefix, const char *version,
                                  struct interpreter_layout *out)
{
    PyObject *base_prefix = PySys_GetObject("base_prefix"); /* borrowed */
    const char *embedded_prefix = base_prefix ? PyUnicode_AsUTF8(base_prefix) : NULL;
    if (!embedded_prefix || strcmp(prefix, embedded_prefix) != 0 ||
        strcmp(version, EMBEDDED_VERSION) != 0) {
        char folder[PATH_MAX + 64];
        snprintf(folder, sizeof folder, "%s/lib/python%s/site-packages", prefix, version);
        return layout_add_site_dir(out, folder);
    }
    PyObject *site = PyImport_ImportModule("site");
    PyObject *folders = site ? PyObject_CallMethod(site, "getsitepackages", NULL) : NULL;
    Py_XDECREF(site);
    PyObject *sequence = folders ? PySequence_Fast(folders, "site folders") : NULL;
    Py_XDECREF(folders);
    if (!sequence) {
        PyErr_Clear();
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; rc == 0 && i < PySequence_Fast_GET_SIZE(sequence); i++) {
        const char *folder = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(sequence, i));
        rc = folder ? layout_add_site_dir(out, folder) : -1;
    }
    Py_DECREF(sequence);
    PyErr_Clear();
    return rc;
}

static int add_site_folder(const char *folder)
{
    PyObject *site = PyImport_ImportModule("site");
    PyObject *result = site ? PyObject_CallMethod(site, "addsitedir", "s", folder) : NULL;
    Py_XDECREF(site);
    Py_XDECREF(result);
    return result ? 0 : -1;
}

static struct target find_target(const struct fastest_session *session)
{
    const char *virtualenv = getenv("VIRTUAL_ENV");
    if (virtualenv && *virtualenv) {
        char *interpreter;
        if (asprintf(&interpreter, "%s/bin/python", virtualenv) >= 0)
            return (struct target){interpreter, "the active virtualenv ($VIRTUAL_ENV)", true};
    }
    const char *configured = opt_get(session->options, "fastest_python");
    if (configured && *configured)
        return (struct target){strdup(configured), "`python =` in fastest's config", true};
    return (struct target){strdup("python3"), "`python3` on PATH", false};
}

/* The layout of the interpreter at path, and the executable it describes
 * (*out_executable, malloc'd): path itself, or where a wrapper script
 * leads, which it is asked first. */
static int read_layout(const char *path, struct interpreter_layout *out, char **out_executable)
{
    if (layout_read(path, installation_site_dirs, out) == 0)
        return (*out_executable = strdup(path)) ? 0 : -1;
    char *real = probe_real_executable(path);
    int rc = real ? layout_read(real, installation_site_dirs, out) : -1;
    if (rc == 0)
        *out_executable = real;
    else
        free(real);
    return rc;
}

static int set_sys_path_value(const char *name, const char *value)
{
    PyObject *text = PyUnicode_DecodeFSDefault(value);
    int rc = text ? PySys_SetObject(name, text) : -1;
    Py_XDECREF(text);
    return rc;
}

/* A virtualenv's base interpreter as Python's getpath finds it: where its
 * executable's links lead, else the same name in pyvenv.cfg's home; NULL
 * when unknown or out of memory. */
static char *venv_base_executable(const char *executable, const char *home)
{
    char real[PATH_MAX];
    if (realpath(executable, real) && strcmp(real, executable) != 0)
        return strdup(real);
    const char *name = strrchr(executable, '/');
    char *base = NULL;
    if (home && asprintf(&base, "%s/%s", home, name ? name + 1 : executable) < 0)
        base = NULL;
    return base;
}

/* What the target interpreter's own process would show: sys.executable
 * (tests run it in subprocesses), sys._base_executable (the installation's
 * interpreter, which venv.create links to), and for a virtualenv
 * sys.prefix and sys.exec_prefix, as its site module sets them. */
static int adopt_interpreter(const char *executable, const struct interpreter_layout *layout)
{
    if (set_sys_path_value("executable", executable) < 0)
        return -1;
    if (!layout->venv_prefix)
        return set_sys_path_value("_base_executable", executable);
    char *base = venv_base_executable(executable, layout->venv_home);
    int rc = (base && set_sys_path_value("_base_executable", base) < 0) ||
                     set_sys_path_value("prefix", layout->venv_prefix) < 0 ||
                     set_sys_path_value("exec_prefix", layout->venv_prefix) < 0
                 ? -1
                 : 0;
    free(base);
    return rc;
}

/* The user's site-packages (~/.local/lib/pythonX.Y/site-packages), ahead
 * of the environment's own, by the site module's rules: unless
 * PYTHONNOUSERSITE is set or the process is setuid. */
static int add_user_site(void)
{
    PyObject *site = PyImport_ImportModule("site");
    PyObject *enabled = site ? PyObject_CallMethod(site, "check_enableusersite", NULL) : NULL;
    int rc = enabled ? 0 : -1;
    if (enabled == Py_True) {
        PyObject *added = PyObject_SetAttrString(site, "ENABLE_USER_SITE", Py_True) == 0
                              ? PyObject_CallMethod(site, "addusersitepackages", "O", Py_None)
                              : NULL;
        rc = added ? 0 : -1;
        Py_XDECREF(added);
    }
    Py_XDECREF(enabled);
    Py_XDECREF(site);
    return rc;
}

static bool call_site(PyObject *site, const char *function)
{
    PyObject *result = PyObject_CallMethod(site, function, NULL);
    Py_XDECREF(result);
    return result != NULL;
}

static bool flag_set(PyObject *object, const char *name)
{
    PyObject *value = object ? PyObject_GetAttrString(object, name) : NULL;
    bool set = value && PyObject_IsTrue(value) == 1;
    Py_XDECREF(value);
    PyErr_Clear();
    return set;
}

/* sys.flags with no_site 0, as in a process whose site module ran (here
 * environment.c has done its work): what a child started with the
 * parent's flags (subprocess._args_from_interpreter_flags, as
 * multiprocessing's spawn and forkserver and joblib's loky start theirs)
 * would otherwise get as -S, and start without site-packages. */
static bool mark_site_imported(void)
{
    PyObject *flags = PySys_GetObject("flags"); /* borrowed */
    PyObject *names = flags ? PyObject_GetAttrString(flags, "__match_args__") : NULL;
    PyObject *no_site = PyUnicode_FromString("no_site");
    Py_ssize_t index = names && no_site ? PySequence_Index(names, no_site) : -1;
    /* Every field, those a tuple hides too (none in 3.11). */
    PyObject *fields =
        flags ? PyObject_GetAttrString((PyObject *)Py_TYPE(flags), "n_fields") : NULL;
    Py_ssize_t count = fields ? PyLong_AsSsize_t(fields) : 0;
    Py_XDECREF(fields);
    PyObject *copy = index >= 0 ? PyStructSequence_New(Py_TYPE(flags)) : NULL;
    for (Py_ssize_t i = 0; copy && i < count; i++) {
        PyObject *item =
            i == index ? PyLong_FromLong(0) : Py_NewRef(PyStructSequence_GetItem(flags, i));
        if (item)
            PyStructSequence_SetItem(copy, i, item); /* steals item */
        else
            Py_CLEAR(copy);
    }
    bool done = copy && PySys_SetObject("flags", copy) == 0;
    Py_XDECREF(copy);
    Py_XDECREF(no_site);
    Py_XDECREF(names);
    return done;
}

/* The rest of what the site module's main() does once the folders are in
 * place, as python3 does before pytest starts: the quit, exit, copyright,
 * credits, license and help builtins, the interactive hook (unless
 * isolated), then the sitecustomize module and, with the user's
 * site-packages, usercustomize (each imported if it exists; site prints
 * an error in one and goes on); sys.flags then says site ran. Returns 0,
 * or FASTEST_EPYTHON with *out_error (malloc'd; the caller frees it). */
static int finish_site(char **out_error)
{
    PyObject *site = PyImport_ImportModule("site");
    bool done =
        site && mark_site_imported() && call_site(site, "setquit") &&
        call_site(site, "setcopyright") && call_site(site, "sethelper") &&
        (flag_set(PySys_GetObject("flags"), "isolated") || call_site(site, "enablerlcompleter")) &&
        call_site(site, "execsitecustomize") &&
        (!flag_set(site, "ENABLE_USER_SITE") || call_site(site, "execusercustomize"));
    Py_XDECREF(site);
    if (done)
        return 0;
    *out_error = pyh_take_error("cannot finish the site setup");
    return FASTEST_EPYTHON;
}

char *pyh_target_interpreter(const struct fastest_session *session)
{
    struct target target = find_target(session);
    char *path = target.interpreter ? find_on_path(target.interpreter) : NULL;
    free(target.interpreter);
    return path;
}

static char description[PATH_MAX + 128] = "none";

const char *pyh_environment_description(void)
{
    return description;
}

int pyh_activate_environment(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    struct target target = find_target(session);
    if (!target.interpreter)
        return FASTEST_ENOMEM;
    char *path = find_on_path(target.interpreter);
    struct interpreter_layout layout;
    char *executable = NULL;
    int rc = path ? read_layout(path, &layout, &executable) : -1;
    if (rc < 0) {
        /* Without an interpreter to lend packages the standard library is
         * all there is: enough for suites that import nothing else, so it is
         * an error only when the user named the interpreter. */
        if (target.required &&
            asprintf(out_error,
                     "cannot use the Python interpreter %s (from %s): it does not exist or is "
                     "not a Python installation fastest recognises; point it at a python "
                     "executable",
                     target.interpreter, target.source) < 0)
            *out_error = NULL;
        free(path);
        free(target.interpreter);
        return target.required ? FASTEST_EUSAGE : finish_site(out_error);
    }
    snprintf(description, sizeof description, "%s, from %s", path, target.source);
    if (strcmp(layout.version, EMBEDDED_VERSION) != 0) {
        if (asprintf(out_error,
                     "the target environment's Python is %s (%s, from %s), but this fastest "
                     "embeds Python %s and cannot run that environment's packages; activate a "
                     "Python %s virtualenv, or set `python = /path/to/python%s` in fastest.ini, "
                     "or build fastest against libpython%s",
                     layout.version, path, target.source, EMBEDDED_VERSION, EMBEDDED_VERSION,
                     EMBEDDED_VERSION,
                     layout.version) < 0)
            *out_error = NULL;
        rc = FASTEST_EUSAGE;
    }
    if (rc == 0 && (adopt_interpreter(executable, &layout) < 0 ||
                    (layout.user_site && add_user_site() < 0))) {
        *out_error = pyh_take_error("cannot adopt the target interpreter");
        rc = FASTEST_EPYTHON;
    }
    /* The header's "-- EXECUTABLE" under -v, as pytest prints sys.executable. */
    if (rc == 0)
        rc = opt_set(session->options, "python_executable", executable);
    for (size_t i = 0; rc == 0 && i < layout.site_dir_count; i++) {
        if (access(layout.site_dirs[i], F_OK) == 0 && add_site_folder(layout.site_dirs[i]) < 0) {
            *out_error = pyh_take_error("cannot add the target environment's site-packages");
            rc = FASTEST_EPYTHON;
        }
    }
    if (rc == 0)
        rc = finish_site(out_error);
    layout_clear(&layout);
    free(executable);
    free(path);
    free(target.interpreter);
    return rc;
}
