#include "run/run.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fastest/errors.h>
#include <fastest/version.h>

#include "ab/ab.h"
#include "cli/cli.h"
#include "heuristic/heuristic.h"
#include "plugin/search_path.h"
#include "python/engine.h"
#include "python/engine_options.h"
#include "python/interpreter.h"
#include "run/cache_order.h"
#include "run/handover.h"
#include "run/plugin_list.h"
#include "run/record.h"
#include "run/steps.h"
#include "session/epoch_clock.h"
#include "session/exit_status.h"
#include "session/session.h"
#include "worker/measure_first.h"

static void print_refusal(void *context, const char *message)
{
    (void)context;
    fprintf(stderr, "fastest: %s\n", message);
}

/* pytest prints usage errors as "ERROR: <message>\n\n" on stderr; exit 4.
 * Without a message the refusal was printed already, in pytest's words
 * (pyh_python_failure: a conftest that fails to import). */
static int usage_error(const char *message)
{
    if (message)
        fprintf(stderr, "ERROR: %s\n\n", message);
    return FT_EXIT_USAGE_ERROR;
}

/* The plugins' options, one group per plugin, for the parser and --help.
 * A plugin that `-p no:NAME` blocks adds none (-p no:junitxml: pytest then
 * knows no --junitxml). Returns a malloc'd array (the caller frees it) of
 * *out_count groups. */
static struct cli_plugin_options *plugin_option_groups(const struct ft_plugin_set *plugins,
                                                       const struct ft_options *choices,
                                                       size_t *out_count)
{
    struct cli_plugin_options *groups = calloc(plugins->count + 1, sizeof(*groups));
    *out_count = 0;
    for (size_t i = 0; groups && i < plugins->count; i++) {
        const struct fastest_plugin *plugin = plugins->plugins[i].descriptor;
        if (plugin->option_count && !opt_plugin_disabled(choices, plugin->name))
            groups[(*out_count)++] = (struct cli_plugin_options){
                plugin->name, plugin->options, plugin->option_count};
    }
    return groups;
}

/* Facts reporters show that are the host's to tell. */
static int set_host_facts(struct fastest_session *session, const struct heur_choice *choice)
{
    char line[512];
    const char *engine = opt_get(session->options, "fastest_engine");
    snprintf(line, sizeof line, "strategy: %s (%s); engine: %s (%s)",
             choice->strategy ? choice->strategy->descriptor->name : "none", choice->reason,
             engine ? engine : "native", opt_get(session->options, "fastest_engine_reason")
                                             ? opt_get(session->options, "fastest_engine_reason")
                                             : "default");
    int rc = opt_set(session->options, "fastest_strategy_line", line);
    if (rc == 0)
        rc = opt_set(session->options, "python_version", PY_VERSION);
    if (rc == 0 && choice->measure_first)
        rc = opt_set(session->options, WK_MEASURE_FIRST, "1");
    return rc;
}

/* Everything after the command line is known: what to run, how, and the
 * report of it. */
static int run_tests(struct fastest_session *session)
{
    struct run_collection collection = {0};
    char *error = NULL;
    struct run_record *record = NULL;
    double discovery_started = epoch_now();
    int rc = run_record_open(session, &record);
    if (rc == 0)
        rc = run_cache_stop_options(session, record->pytest_cache);
    if (rc == 0)
        rc = run_discover(session, record->pytest_cache, &collection, &error);
    if (rc == 0)
        run_record_fill_durations(record, session);
    if (rc) {
        run_record_close(session, record);
        run_collection_free(&collection);
        /* Bad input only the engine could judge (pytest's own refusal of a
         * command line, an environment without pytest): exit 4. */
        int status = rc == FASTEST_EUSAGE ? usage_error(error) : FT_EXIT_INTERNAL_ERROR;
        if (rc != FASTEST_EUSAGE)
            fprintf(stderr, "fastest: %s\n", error ? error : fastest_strerror(rc));
        free(error);
        return status;
    }
    session->tally.usage_error = collection.usage_error != NULL;
    struct heur_choice choice = heur_choose(session);
    bool collect_only = opt_is_true(session->options, "collectonly");
    if (!choice.strategy && !collect_only) {
        fprintf(stderr, "ERROR: %s\n", choice.reason);
        run_record_close(session, record);
        run_collection_free(&collection);
        return FT_EXIT_USAGE_ERROR;
    }
    if (opt_is_true(session->options, "explain"))
        printf("fastest: strategy %s: %s\n",
               choice.strategy ? choice.strategy->descriptor->name : "none", choice.reason);
    int status = set_host_facts(session, &choice) ? FT_EXIT_INTERNAL_ERROR : 0;
    if (status == 0) {
        rc = session_open_reporters(session, &error);
        if (rc) {
            status = usage_error(error);
            free(error);
        }
    }
    if (status == 0) {
        /* The report's session time, as pytest's: from the engine's start
         * (its configuration and initial conftests are not counted), or
         * from discovery's when no engine started (a static
         * --collect-only). */
        double started = session->engine_started ? session->engine_started : discovery_started;
        status = exec_session(session, choice.strategy, collection.events, collection.event_count,
                              started);
        /* After the report's end, as pytest unconfigures after its summary. */
        if (pyh_engine_unconfigure(session, &error) != 0) {
            fprintf(stderr, "fastest: %s\n", error ? error : "the engine failed");
            free(error);
            if (status == 0)
                status = FT_EXIT_INTERNAL_ERROR;
        }
        if (session_close_reporters(session) && status == 0)
            status = FT_EXIT_INTERNAL_ERROR;
        if (collection.usage_error)
            usage_error(collection.usage_error);
    }
    run_record_close(session, record);
    run_collection_free(&collection);
    return status;
}

/* --help, with the options the initial conftests add, as pytest lists them
 * (it loads those conftests for --help too); without them, said on
 * stderr, when they cannot be asked. */
static int print_help(struct fastest_session *session, struct cli_context *context)
{
    struct pyh_conftest_options conftest;
    char *error = NULL;
    if (pyh_conftest_options(session, &conftest, &error) == 0) {
        context->conftest_options = conftest.options;
        context->conftest_option_count = conftest.count;
    } else {
        fprintf(stderr, "fastest: %s\n", error ? error : "cannot ask the conftests for options");
    }
    free(error);
    int status = cli_print_help(stdout, context, 0) ? FT_EXIT_INTERNAL_ERROR : FT_EXIT_OK;
    pyh_conftest_options_free(&conftest);
    return status;
}

static int run_session(struct fastest_session *session, const char *const *args, size_t count)
{
    char *error = NULL;
    struct cfg_list full_args = {0};
    int rc = run_configure(session, args, count, &full_args, &error);
    if (rc) {
        int status = usage_error(error);
        free(error);
        cfg_list_free(&full_args);
        return status;
    }

    size_t configured_count = 0;
    const char *const *configured =
        opt_values(session->fastest_config, "plugins", &configured_count);
    plug_load_search_path(&session->plugins, configured, configured_count, session_host(),
                          print_refusal, NULL);

    /* The -p values first: a blocked plugin's options are unknown. */
    struct ft_options *choices = opt_new();
    char *prescan_error = NULL;
    if (choices)
        cli_prescan((const char *const *)full_args.items, full_args.count, choices, &prescan_error);
    free(prescan_error); /* the parse below reports it */
    size_t group_count = 0;
    struct cli_plugin_options *groups =
        choices ? plugin_option_groups(&session->plugins, choices, &group_count) : NULL;
    struct cli_context context = {
        .plugins = groups,
        .plugin_count = group_count,
        .inifile = session->inifile,
        .rootdir = session->rootdir,
        .unknown_dest = "fastest_unknown_args",
        .plugin_choices = choices,
    };
    rc = groups ? cli_parse((const char *const *)full_args.items, full_args.count, &context,
                            session->options, &error)
                : FASTEST_ENOMEM;
    /* The pytest engine hands pytest the command line as given. */
    for (size_t i = 0; rc == 0 && i < count; i++)
        rc = opt_add(session->options, "fastest_args", args[i]);
    run_apply_fastest_config(session);
    if (rc == 0 && !opt_is_true(session->options, "help"))
        rc = run_claim_conftest_options(session, &full_args, &context, &error);
    if (rc == 0)
        rc = run_decide_markup(session);
    cfg_list_free(&full_args);
    int status;
    if (rc) {
        status = usage_error(error);
    } else if (opt_is_true(session->options, "help")) {
        status = print_help(session, &context);
    } else if (opt_is_true(session->options, "version")) {
        printf("fastest %s\n", FASTEST_VERSION_STRING);
        status = FT_EXIT_OK;
    } else if (opt_is_true(session->options, "list_plugins")) {
        print_plugin_list(stdout, &session->plugins);
        status = FT_EXIT_OK;
    } else if (handover_option(session)) {
        status = handover_to_pytest(session, handover_option(session), args, count, &context);
    } else if (opt_get(session->options, "ab")) {
        status = ab_run(session, args, count);
    } else {
        status = run_tests(session);
    }
    free(error);
    free(groups);
    opt_free(choices);
    return status;
}

int run_fastest(const char *const *args, int count)
{
    struct fastest_session *session = session_new();
    if (!session) {
        fputs("fastest: out of memory\n", stderr);
        return FT_EXIT_INTERNAL_ERROR;
    }
    int status = run_session(session, args, (size_t)count);
    fflush(stdout);
    session_free(session);
    if (pyh_stop() < 0 && status == FT_EXIT_OK)
        status = FT_EXIT_INTERNAL_ERROR;
    return status;
}
