#include "run/handover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/ini_types.h"
#include "options/options.h"
#include "python/environment.h"
#include "run/reexec.h"
#include "session/exit_status.h"
#include "session/session.h"

static const struct {
    const char *dest;
    const char *flag;
} handed_over[] = {
    {"usepdb", "--pdb"},
    {"trace", "--trace"},
    {"markers", "--markers"},
    {"showfixtures", "--fixtures"},
    {"show_fixtures_per_test", "--fixtures-per-test"},
    {"setupplan", "--setup-plan"},
    {"setuponly", "--setup-only"},
    {"setupshow", "--setup-show"},
};

static bool given(const char *value)
{
    return value && *value;
}

/* pytest's logging plugin writes live logging and the log file from its
 * own session loop, which neither engine runs (both reproduce the log
 * capture of reports and caplog): live logging (--log-cli-level, or
 * log_cli in the config) or a log file (--log-file, or log_file). */
static const char *logging_beyond_capture(const struct fastest_session *session)
{
    if (given(opt_get(session->options, "log_cli_level")))
        return "--log-cli-level";
    const char *log_cli = opt_get(session->ini, "log_cli");
    bool live = false;
    if (log_cli && cfg_parse_bool(log_cli, &live) == 0 && live)
        return "log_cli";
    if (given(opt_get(session->options, "log_file")))
        return "--log-file";
    if (given(opt_get(session->ini, "log_file")))
        return "log_file";
    return NULL;
}

const char *handover_option(const struct fastest_session *session)
{
    for (size_t i = 0; i < sizeof handed_over / sizeof handed_over[0]; i++)
        if (opt_is_true(session->options, handed_over[i].dest))
            return handed_over[i].flag;
    /* Its glob is optional: given alone, it holds "". */
    if (opt_get(session->options, "cacheshow"))
        return "--cache-show";
    /* The verbose listing shows each collector's docstring, as
     * inspect.getdoc finds it (a unittest.TestCase subclass without one
     * shows TestCase's): known only once every module is imported. */
    if (opt_is_true(session->options, "collectonly") &&
        opt_get_long(session->options, "verbose", 0) > 0)
        return "--collect-only with -v";
    return logging_beyond_capture(session);
}

int handover_to_pytest(struct fastest_session *session, const char *option, const char *const *args,
                       size_t count, const struct cli_context *context)
{
    const char **pytest_args;
    size_t pytest_count;
    char *error = NULL;
    if (cli_pytest_args(args, count, context, &pytest_args, &pytest_count, &error) != 0) {
        fprintf(stderr, "ERROR: %s\n", error ? error : "out of memory");
        free(error);
        return FT_EXIT_INTERNAL_ERROR;
    }
    char *python = pyh_target_interpreter(session);
    if (!python) {
        fprintf(stderr,
                "ERROR: %s is pytest's, and fastest hands such runs to pytest, but found no Python "
                "interpreter to run it with (an active virtualenv, `python =` in fastest.ini, or "
                "python3 on PATH)\n",
                option);
        free(pytest_args);
        return FT_EXIT_USAGE_ERROR;
    }
    fprintf(stderr, "fastest: %s is pytest's own: running %s -m pytest\n", option, python);
    const char *head[] = {python, "-m", "pytest"};
    int failure = run_exec(head, 3, pytest_args, pytest_count, NULL);
    fprintf(stderr, "ERROR: cannot run %s -m pytest for %s: %s\n", python, option,
            strerror(failure));
    free(python);
    free(pytest_args);
    return FT_EXIT_USAGE_ERROR;
}
