#include "python/interpreter.h"

#include "python/current_test_variable.h"
#include "python/prefault.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

static bool started;

bool pyh_started(void)
{
    return started;
}

static int fail_status(PyStatus status, char **out_error)
{
    const char *what = status.err_msg ? status.err_msg : "unknown failure";
    size_t size = strlen(what) + 64;
    *out_error = malloc(size);
    if (*out_error)
        snprintf(*out_error, size, "cannot start the embedded Python: %s", what);
    return FASTEST_EPYTHON;
}

int pyh_start(char **out_error)
{
    if (started)
        return 0;
    /* As python3 starts for pytest, so that a test sees what it sees under
     * pytest: the user's PYTHON* variables apply (PYTHONPATH,
     * PYTHONHASHSEED, PYTHONWARNINGS, PYTHONUTF8, PYTHONDONTWRITEBYTECODE,
     * PYTHONDEVMODE...) and so does the locale (LC_CTYPE from the
     * environment, the C locale coerced to UTF-8), which sets the default
     * encoding of open() and of the file system. What differs is fastest's
     * to decide: no command line is parsed, the site module does not run
     * at start (the target environment lends its site-packages, then
     * environment.c finishes what site would have done), and
     * the standard library is the one libpython was built with; left to
     * itself, the embedded interpreter would look for "python3" on PATH to
     * find it, and could settle on another installation's (a pyenv one). */
    if (pyh_register_current_test_variable() < 0)
        return fail_status(PyStatus_NoMemory(), out_error);
    pyh_prefault_interpreter_memory();
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.site_import = 0;
    config.parse_argv = 0;
    PyStatus status = PyConfig_SetBytesString(&config, &config.home, FASTEST_PYTHON_HOME);
    if (!PyStatus_Exception(status))
        status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status))
        return fail_status(status, out_error);
    started = true;
    return 0;
}

/* What a Python process does on its way out that users can observe:
 * non-daemon threads are joined, atexit handlers run, buffered output is
 * flushed. Dismantling the interpreter itself (Py_FinalizeEx, ~13 ms here)
 * observes nothing more for a test run that is about to exit. */
static const char exit_script[] =
    "import sys\n"
    "threading = sys.modules.get('threading')\n"
    "if threading is not None:\n"
    "    threading._shutdown()\n"
    "import atexit\n"
    "atexit._run_exitfuncs()\n"
    "for stream in (sys.stdout, sys.stderr):\n"
    "    try:\n"
    "        stream.flush()\n"
    "    except Exception:\n"
    "        pass\n";

int pyh_stop(void)
{
    if (!started)
        return 0;
    started = false;
    return PyRun_SimpleString(exit_script);
}
