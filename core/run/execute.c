#include "run/execute.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>
#include <fastest/event.h>
#include <fastest/strategy.h>

#include "plugin/loader.h"
#include "python/engine.h"
#include "session/epoch_clock.h"
#include "session/exit_status.h"
#include "session/session.h"

/* The config file as pytest shows it: relative to rootdir when inside it. */
static const char *configfile_shown(const struct fastest_session *session)
{
    const char *inifile = session->inifile;
    size_t root_length = session->rootdir ? strlen(session->rootdir) : 0;
    if (inifile && root_length && strncmp(inifile, session->rootdir, root_length) == 0 &&
        inifile[root_length] == '/')
        return inifile + root_length + 1;
    return inifile;
}

static struct fastest_event session_event(const struct fastest_session *session, uint32_t kind)
{
    return (struct fastest_event){
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
        .kind = kind,
        .rootdir = session->rootdir,
        .configfile = configfile_shown(session),
        .item_count = session->item_count,
        .deselected_count = session->deselected_count,
        .dropped_count = session->dropped_count,
        .location_line = -1,
    };
}

static void list_items(struct fastest_session *session)
{
    for (size_t i = 0; i < session->item_count; i++) {
        struct fastest_event event = session_event(session, FASTEST_EVENT_ITEM_COLLECTED);
        event.node_id = session->items[i].node_id;
        event.location_path = session->items[i].path;
        event.node_kind = session->items[i].node_kind;
        session_emit(session, &event);
    }
}

/* Has the strategy run every item; a strategy that fails is an internal
 * error (exit 3) after the items it did report. */
static void run_items(struct fastest_session *session, const struct ft_plugin *strategy)
{
    const struct fastest_strategy *table = strategy->descriptor->table;
    char *error = NULL;
    int rc = table->run(session_host(), session, &error);
    /* Stopping at --maxfail (-x is maxfail 1) is a normal end (the failures decide the
     * exit code); any other stop is an interruption, as Ctrl-C is. */
    bool stop_requested = opt_get_long(session->options, "maxfail", 0) > 0;
    if (rc == FASTEST_EINTR) {
        if (!stop_requested)
            session->tally.interrupted = true;
    } else if (rc) {
        fprintf(stderr, "fastest: strategy %s failed: %s\n", strategy->descriptor->name,
                error ? error : fastest_strerror(rc));
        session->tally.internal_error = true;
    }
    free(error);
}

/* pytest's session ends in this process when the strategy did not end it
 * (the items ran in workers, or none ran), before the report's end: its
 * conftests' and plugins' pytest_sessionfinish, the pytest engine's
 * terminal summary, with the run's exit status, interrupted too (Ctrl-C,
 * pytest.exit() in a worker, collection errors), as pytest's session
 * ends; not after a usage or internal error. A failure is an internal
 * error, as a strategy's. */
static void finish_engine_here(struct fastest_session *session)
{
    if (session->tally.usage_error || session->tally.internal_error)
        return;
    char *error = NULL;
    int rc = pyh_engine_finish_elsewhere(session, session_emit_sink, session, &error);
    if (rc) {
        fprintf(stderr, "fastest: %s\n", error ? error : fastest_strerror(rc));
        session->tally.internal_error = true;
    }
    free(error);
}

int exec_session(struct fastest_session *session, const struct ft_plugin *strategy,
                 struct fastest_event *const *collection_events, size_t event_count,
                 double started)
{
    struct fastest_event start = session_event(session, FASTEST_EVENT_SESSION_START);
    start.start = started;
    session_emit(session, &start);
    /* What collection wrote past its capture (conftests imported on the
     * way, modules under -s): after the header and "collecting ... ", as
     * in pytest. */
    held_output_write(&session->collection_output);

    bool collect_only = opt_is_true(session->options, "collectonly");
    if (collect_only)
        list_items(session);
    /* pytest counts collection errors towards --maxfail (-x is maxfail 1)
     * and stops collecting at the last one it allows: what came after is
     * never reported. */
    const char *counted = opt_get(session->options, RUN_COLLECTION_MAXFAIL) ? RUN_COLLECTION_MAXFAIL
                                                                            : "maxfail";
    long maxfail = opt_get_long(session->options, counted, 0);
    bool failed_enough = false;
    size_t error_count = 0;
    for (size_t i = 0; i < event_count && !failed_enough; i++) {
        const struct fastest_event *event = collection_events[i];
        error_count +=
            event->kind == FASTEST_EVENT_COLLECT_REPORT && event->outcome == FASTEST_OUTCOME_FAILED;
        failed_enough = maxfail > 0 && error_count >= (size_t)maxfail;
        session_emit(session, event);
    }
    struct fastest_event collected = session_event(session, FASTEST_EVENT_COLLECTION_FINISH);
    collected.error_count = error_count;
    session_emit(session, &collected);

    /* pytest stops for collection errors unless told to go on. */
    bool stop_for_errors =
        error_count && !opt_is_true(session->options, "continue_on_collection_errors");
    if (!collect_only && !stop_for_errors && !failed_enough && !session->tally.usage_error &&
        session->item_count)
        run_items(session, strategy);
    if (stop_for_errors)
        session->tally.interrupted = true;
    finish_engine_here(session);

    struct fastest_event finish = session_event(session, FASTEST_EVENT_SESSION_FINISH);
    finish.exit_status = session_exit_status(session);
    finish.error_count = error_count;
    finish.session_duration = epoch_now() - started;
    session_emit(session, &finish);
    return finish.exit_status;
}
