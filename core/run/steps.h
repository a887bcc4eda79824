/* The steps of a run that need other subsystems' data, one file each, so
 * that run.c reads as the sequence it is. */
#ifndef FT_RUN_STEPS_H
#define FT_RUN_STEPS_H

#include <stddef.h>

#include "config/ini_types.h"
#include "plan/arena.h"
#include "run/execute.h"

struct fastest_session;
struct ft_options;

/* Finds rootdir and the config file as pytest does, fills
 * session->rootdir, session->inifile, session->ini and
 * session->fastest_config, and builds the full argument list: the config's
 * addopts, then PYTEST_ADDOPTS, then args, as pytest merges them (append
 * to *out_full_args; free with cfg_list_free). Returns 0 or an error with
 * *out_error (malloc'd; the caller frees it): FASTEST_EUSAGE for bad
 * arguments, FASTEST_ECONFIG for a broken config file; both exit 4. */
int run_configure(struct fastest_session *session, const char *const *args, size_t count,
                  struct cfg_list *out_full_args, char **out_error);

/* Applies fastest's config keys (strategy, workers, engine, python) that
 * the command line left unset. */
void run_apply_fastest_config(struct fastest_session *session);

/* Decides whether the terminal report is coloured, as pytest's
 * should_do_markup does under --color (PY_COLORS, NO_COLOR, FORCE_COLOR,
 * then a terminal on stdout that is not TERM=dumb), and records it as the
 * option "fastest_markup" ("1" or "0"): the engines colour failure texts
 * by it, the reporters their output. Returns 0 or FASTEST_ENOMEM. */
int run_decide_markup(struct fastest_session *session);

/* When the command line holds options no fastest table knows, asks the
 * initial conftests for theirs (pyh_conftest_options); when those make
 * args (the full argument list) parse with nothing unknown, replaces
 * session->options with that parse (keeping "fastest_args" and fastest's
 * config keys), so the native engine can run the suite. Otherwise, or
 * with --engine=pytest, leaves everything as it was: the pytest engine
 * parses the command line itself. Returns 0, or an error with *out_error
 * (malloc'd; the caller frees it) when the engine could not be asked. */
struct cli_context;
int run_claim_conftest_options(struct fastest_session *session, const struct cfg_list *args,
                               const struct cli_context *context, char **out_error);

/* After the native engine collected (a run imports every module first,
 * and nothing has run or been printed yet): when it finds the items need
 * the real pytest (pyh_engine_pytest_need: `_pytest` imported, or
 * installed plugins that pytest would load and it does not), fastest
 * starts again under the pytest engine,
 * with the reason for the header (PYH_ENGINE_REASON_ENV); it returns only
 * if that exec fails. With --engine=native asked for, the native engine
 * goes on and a warning names the reason. */
int run_restart_if_pytest_needed(struct fastest_session *session, char **out_error);

/* What collection reported besides items, in the order it happened:
 * COLLECT_REPORT events (import errors, module-level skips) and WARNING
 * events, kept until the session reports them. */
struct run_collection {
    struct ft_arena *arena;         /* owns the events */
    struct fastest_event **events;  /* malloc'd array */
    size_t event_count;
    /* A usage error found while collecting (an argument that names
     * nothing, a bad -k/-m expression): pytest still reports the session
     * (no tests ran) before it prints the error and exits 4. malloc'd. */
    char *usage_error;
};

/* Discovers and selects the items: fills session->items and
 * session->deselected_count, and *out with the collection events and any
 * usage error (free with run_collection_free, also after a failure).
 * pytest_cache (NULL with -p no:cacheprovider) applies --lf, --ff, --nf
 * and --sw (core/run/cache_order.h) and learns what was collected.
 * Returns 0, or an error with *out_error (malloc'd; the caller frees it)
 * when collection itself failed. */
struct pc_recorder;
int run_discover(struct fastest_session *session, struct pc_recorder *pytest_cache,
                 struct run_collection *out, char **out_error);

/* run_discover's path when the pytest engine was chosen
 * (core/python/engine_mode.h): the items are pytest's collection's. Same
 * contract as run_discover. */
int run_discover_pytest(struct fastest_session *session, struct run_collection *out,
                        char **out_error);

/* Appends a copy of event to the collection (a fastest_event_sink). */
void run_keep_event(void *context, const struct fastest_event *event);

/* pytest's terminal lines (lines_of: one of the engine's functions that
 * make them), when there are any, set as option for the console to print
 * where pytest does. */
int run_keep_lines(struct fastest_session *session,
                   int (*lines_of)(struct fastest_session *, char **, char **), const char *option,
                   char **out_error);
void run_collection_free(struct run_collection *collection);

#endif
