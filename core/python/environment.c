#include "python/environment.h"

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "python/error_text.h"
#include "session/session.h"

/* Printed by the target interpreter: its "major.minor", then one
 * site-packages folder per line. */
static const char probe_script[] =
    "import site, sys\n"
    "print('%d.%d' % sys.version_info[:2])\n"
    "for folder in site.getsitepackages(): print(folder)\n";

struct target {
    char *interpreter; /* what we ran */
    const char *source; /* why this one: "VIRTUAL_ENV", "config", "PATH" */
};

/* Runs interpreter with the probe and returns its output (malloc'd), or
 * NULL when it cannot run. */
static char *probe(const char *interpreter)
{
    int pipe_fds[2];
    if (pipe(pipe_fds) < 0)
        return NULL;
    pid_t child = fork();
    if (child < 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return NULL;
    }
    if (child == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execlp(interpreter, interpreter, "-I", "-c", probe_script, (char *)NULL);
        _exit(127);
    }
    close(pipe_fds[1]);
    size_t size = 0, capacity = 4096;
    char *output = malloc(capacity);
    ssize_t got;
    while (output && (got = read(pipe_fds[0], output + size, capacity - size - 1)) != 0) {
        if (got < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        size += (size_t)got;
        if (capacity - size < 2) {
            char *grown = realloc(output, capacity *= 2);
            if (!grown)
                free(output);
            output = grown;
        }
    }
    close(pipe_fds[0]);
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
    if (!output || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(output);
        return NULL;
    }
    output[size] = '\0';
    return output;
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
            return (struct target){interpreter, "the active virtualenv ($VIRTUAL_ENV)"};
    }
    const char *configured = opt_get(session->options, "fastest_python");
    if (configured && *configured)
        return (struct target){strdup(configured), "`python =` in fastest's config"};
    return (struct target){strdup("python3"), "`python3` on PATH"};
}

int pyh_activate_environment(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    struct target target = find_target(session);
    if (!target.interpreter)
        return FASTEST_ENOMEM;
    char *output = probe(target.interpreter);
    if (!output) {
        /* No interpreter to lend packages: the standard library is enough
         * for suites that need nothing else, so this is not fatal. */
        free(target.interpreter);
        return 0;
    }
    char embedded[16];
    snprintf(embedded, sizeof embedded, "%d.%d", PY_MAJOR_VERSION, PY_MINOR_VERSION);
    char *line_end = strchr(output, '\n');
    if (line_end)
        *line_end = '\0';
    int rc = 0;
    if (strcmp(output, embedded) != 0) {
        if (asprintf(out_error,
                     "the target environment's Python is %s (%s, from %s), but this fastest "
                     "embeds Python %s and cannot run that environment's packages; activate a "
                     "Python %s virtualenv, or set `python = /path/to/python%s` in fastest.ini, "
                     "or build fastest against libpython%s",
                     output, target.interpreter, target.source, embedded, embedded, embedded,
                     output) < 0)
            *out_error = NULL;
        rc = FASTEST_EUSAGE;
    }
    for (char *line = line_end ? line_end + 1 : NULL; rc == 0 && line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (access(line, F_OK) == 0 && add_site_folder(line) < 0) {
            *out_error = pyh_take_error("cannot add the target environment's site-packages");
            rc = FASTEST_EPYTHON;
        }
        line = next;
    }
    free(output);
    free(target.interpreter);
    return rc;
}
