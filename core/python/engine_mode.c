#include "python/engine_mode.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "plan/plan.h"
#include "session/session.h"

#define MODE_DEST "fastest_engine"
#define REASON_DEST "fastest_engine_reason"
#define UNKNOWN_DEST "fastest_unknown_args"

/* The hooks python/fastest/engine runs (conftests.py, hooks.py,
 * collect_python.py, runner.py, session.py). Extend together with the
 * engine and docs/engines.md. */
static const char *const native_hooks[] = {
    "pytest_addoption",         "pytest_assertrepr_compare",
    "pytest_collection_finish", "pytest_collection_modifyitems",
    "pytest_configure",         "pytest_generate_tests",
    "pytest_itemcollected",     "pytest_make_parametrize_id",
    "pytest_report_header",     "pytest_runtest_call",
    "pytest_runtest_logfinish", "pytest_runtest_logreport",
    "pytest_runtest_logstart",  "pytest_runtest_makereport",
    "pytest_runtest_setup",     "pytest_runtest_teardown",
    "pytest_sessionfinish",     "pytest_sessionstart",
    "pytest_terminal_summary",  "pytest_unconfigure",
};

bool pyh_native_hook(const char *name)
{
    for (size_t i = 0; i < sizeof native_hooks / sizeof native_hooks[0]; i++)
        if (strcmp(name, native_hooks[i]) == 0)
            return true;
    return false;
}

static int record(struct fastest_session *session, const char *mode, const char *reason)
{
    int rc = opt_set(session->options, MODE_DEST, mode);
    return rc ? rc : opt_set(session->options, REASON_DEST, reason);
}

/* pytest's builtin plugins whose absence the native engine does not model:
 * pytest refuses to block the essential ones ("cannot be disabled"), and
 * without the others it collects, runs or reports otherwise (no unittest
 * classes, no skip or xfail marks, no capture fixtures, no terminal
 * output...). `-p no:` any other plugin, builtin or installed, the native
 * engine honours or never loads. */
static const char *const unmodelled_builtin_plugins[] = {
    "capture", "debugging", "fixtures", "helpconfig", "main",     "mark",
    "python",  "runner",    "skipping", "terminal",   "unittest",
};

/* The first of those a `-p no:NAME` blocks, or NULL. */
static const char *blocked_unmodelled_plugin(const struct fastest_session *session)
{
    size_t known = sizeof unmodelled_builtin_plugins / sizeof unmodelled_builtin_plugins[0];
    for (size_t i = 0; i < known; i++)
        if (opt_plugin_disabled(session->options, unmodelled_builtin_plugins[i]))
            return unmodelled_builtin_plugins[i];
    return NULL;
}

/* The first `-p NAME` that loads a plugin (`-p no:NAME` only blocks one). */
static const char *loaded_plugin(const struct fastest_session *session)
{
    size_t count;
    const char *const *names = opt_values(session->options, "plugins", &count);
    for (size_t i = 0; i < count; i++)
        if (strncmp(names[i], "no:", 3) != 0)
            return names[i];
    return NULL;
}

/* The first command-line argument naming an existing .txt or .rst file,
 * which pytest's doctest plugin collects as a doctest file (its
 * _is_doctest), unless `-p no:doctest`; NULL when none does. */
static const char *doctest_text_argument(const struct ft_options *options)
{
    if (opt_plugin_disabled(options, "doctest"))
        return NULL;
    size_t count;
    const char *const *args = opt_values(options, "file_or_dir", &count);
    for (size_t i = 0; i < count; i++) {
        size_t length = strcspn(args[i], ":");
        if (length < 4 || args[i][length] != '\0')
            continue;
        const char *suffix = args[i] + length - 4;
        if ((strcmp(suffix, ".txt") == 0 || strcmp(suffix, ".rst") == 0) &&
            access(args[i], F_OK) == 0)
            return args[i];
    }
    return NULL;
}

/* Writes format, with its one detail, into reason; true. */
static bool give_reason(char *reason, size_t size, const char *format, const char *detail)
{
    snprintf(reason, size, format, detail);
    return true;
}

/* Why the options alone need the pytest engine, written into reason (the
 * header's "why"), or false when they leave the choice open. The rules
 * are asked in order, each only when the ones before it did not apply. */
static bool pytest_needed_by_options(const struct fastest_session *session, char *reason,
                                     size_t size)
{
    const struct ft_options *options = session->options;
    size_t unknown_count;
    const char *const *unknown = opt_values(options, UNKNOWN_DEST, &unknown_count);
    if (unknown_count)
        return give_reason(reason, size, "%s is a pytest plugin's option", unknown[0]);
    if (opt_is_true(options, "doctestmodules"))
        return give_reason(reason, size, "%s", "--doctest-modules");
    size_t glob_count;
    opt_values(options, "doctestglob", &glob_count);
    if (glob_count)
        return give_reason(reason, size, "%s", "--doctest-glob");
    /* Its tracebacks hold pytest's own frames, which the native engine
     * does not run. */
    if (opt_is_true(options, "fulltrace"))
        return give_reason(reason, size, "%s", "--full-trace");
    const char *text_file = doctest_text_argument(options);
    if (text_file)
        return give_reason(reason, size,
                           "%s: pytest's doctest plugin collects a text file named on the "
                           "command line",
                           text_file);
    const char *plugin = loaded_plugin(session);
    if (plugin)
        return give_reason(reason, size, "-p %s", plugin);
    const char *blocked = blocked_unmodelled_plugin(session);
    if (blocked)
        return give_reason(reason, size, "-p no:%s", blocked);
    const char *environment = getenv("PYTEST_PLUGINS");
    if (environment && *environment)
        return give_reason(reason, size, "%s", "PYTEST_PLUGINS is set");
    return false;
}

int pyh_engine_mode_from_options(struct fastest_session *session, char **out_error)
{
    *out_error = NULL;
    char reason[256];
    bool needed = pytest_needed_by_options(session, reason, sizeof reason);
    const char *forced = opt_get(session->options, "engine");
    if (forced && strcmp(forced, "native") == 0) {
        if (!needed)
            return record(session, "native", "asked for");
        /* It would run otherwise than pytest: no doctests, no plugin, ... */
        *out_error = ft_format("--engine=native cannot run this command line as pytest does "
                               "(%s): only the pytest engine can",
                               reason);
        return *out_error ? FASTEST_EUSAGE : FASTEST_ENOMEM;
    }
    if (forced) {
        const char *restarted = strcmp(forced, "pytest") == 0 ? getenv(PYH_ENGINE_REASON_ENV) : NULL;
        int rc = record(session, forced, restarted && *restarted ? restarted : "asked for");
        unsetenv(PYH_ENGINE_REASON_ENV);
        return rc;
    }
    return needed ? record(session, "pytest", reason) : 0;
}

bool pyh_engine_mode_decided(const struct fastest_session *session)
{
    return opt_get(session->options, MODE_DEST) != NULL;
}

/* The first file (conftests first: they apply to many modules) carrying
 * one of flags, or NULL. */
static const char *first_flagged(struct ft_plan *plan, uint32_t flags)
{
    for (size_t i = 0; i < plan_conftest_count(plan); i++)
        if (plan_conftest_at(plan, i)->flags & flags)
            return plan_conftest_at(plan, i)->path;
    for (size_t i = 0; i < plan_file_count(plan); i++)
        if (plan_file_at(plan, i)->flags & flags)
            return plan_file_at(plan, i)->path;
    return NULL;
}

/* Whether what discovery found needs the pytest engine to run as pytest
 * does; if so, why, in reason. */
static bool pytest_needed_by_plan(struct ft_plan *plan, char *reason, size_t size)
{
    const char *path = first_flagged(plan, PLAN_FILE_HAS_FOREIGN_HOOKS);
    if (path)
        return give_reason(reason, size, "%s defines hooks the native engine does not run", path);
    path = first_flagged(plan, PLAN_FILE_USES_PYTEST_INTERNALS);
    if (path)
        return give_reason(reason, size, "%s imports _pytest", path);
    path = plan_collected_twice(plan);
    if (path)
        return give_reason(reason, size, "%s is collected more than once (the arguments overlap)",
                           path);
    return false;
}

int pyh_engine_mode_from_plan(struct fastest_session *session, struct ft_plan *plan)
{
    char reason[PATH_MAX + 128];
    bool needed = pytest_needed_by_plan(plan, reason, sizeof reason);
    if (!pyh_engine_mode_decided(session))
        return record(session, needed ? "pytest" : "native",
                      needed ? reason : "no hooks beyond the native engine's");
    /* Asked for: the native engine runs, and says what it leaves out. */
    if (needed && !pyh_engine_is_pytest(session))
        pyh_warn_forced_native(session, reason);
    return 0;
}

void pyh_warn_forced_native(const struct fastest_session *session, const char *reason)
{
    session_host()->log(session, FASTEST_LOG_WARNING,
                        "--engine=native: %s; this run may differ from pytest's (the pytest "
                        "engine runs it as pytest does)",
                        reason);
}

bool pyh_engine_is_pytest(const struct fastest_session *session)
{
    const char *mode = opt_get(session->options, MODE_DEST);
    return mode && strcmp(mode, "pytest") == 0;
}
