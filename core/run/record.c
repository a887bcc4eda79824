#include "run/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cache/directory.h"
#include "session/session.h"

/* Sums an item's phases: its whole cost is what batches are sized by. */
static void measure(struct run_record *record, const struct fastest_event *event)
{
    if (event->kind == FASTEST_EVENT_ITEM_START) {
        free(record->current_node);
        record->current_node = event->node_id ? strdup(event->node_id) : NULL;
        record->current_seconds = 0;
    } else if (event->kind == FASTEST_EVENT_TEST_REPORT && record->current_node &&
               event->node_id && strcmp(event->node_id, record->current_node) == 0 &&
               event->duration > 0) {
        record->current_seconds += event->duration;
    } else if (event->kind == FASTEST_EVENT_ITEM_FINISH && record->current_node) {
        dur_append(&record->measured, record->current_node, record->current_seconds);
        free(record->current_node);
        record->current_node = NULL;
    }
}

/* A durations file that cannot be written costs the next run time, never
 * this run its result: not reported. */
static void save_durations(struct run_record *record)
{
    if (!record->durations_dir || !record->measured.count ||
        dur_merge(&record->durations, &record->measured))
        return;
    char *error = NULL;
    dur_save(record->durations_dir, &record->durations, &error);
    free(error);
}

static void observe(void *observer, struct fastest_session *session,
                    const struct fastest_event *event)
{
    struct run_record *record = observer;
    measure(record, event);
    if (record->pytest_cache)
        pc_recorder_observe(record->pytest_cache, session, event);
    if (event->kind == FASTEST_EVENT_SESSION_FINISH)
        save_durations(record);
}

int run_record_open(struct fastest_session *session, struct run_record **out)
{
    struct run_record *record = *out = calloc(1, sizeof(*record));
    if (!record)
        return FASTEST_ENOMEM;
    int rc = pc_recorder_open(session, &record->pytest_cache);
    char *dir = NULL;
    if (rc == 0 && asprintf(&dir, "%s/%s", session->rootdir, CACHE_DIR_NAME) < 0)
        rc = FASTEST_ENOMEM;
    /* --cache-clear forgets them; -p no:cacheprovider and --collect-only
     * (nothing measured) leave them as they are. */
    if (rc == 0 && !opt_is_true(session->options, "cacheclear"))
        rc = dur_load(dir, &record->durations);
    if (rc == 0 && record->pytest_cache && !opt_is_true(session->options, "collectonly")) {
        record->durations_dir = dir;
        dir = NULL;
    }
    free(dir);
    session->observe = observe;
    session->observer = record;
    return rc;
}

void run_record_fill_durations(const struct run_record *record, struct fastest_session *session)
{
    for (size_t i = 0; i < session->item_count; i++)
        session->items[i].recorded_duration =
            dur_lookup(&record->durations, session->items[i].node_id);
}

void run_record_close(struct fastest_session *session, struct run_record *record)
{
    if (session->observer == record) {
        session->observe = NULL;
        session->observer = NULL;
    }
    if (!record)
        return;
    pc_recorder_free(record->pytest_cache);
    dur_table_free(&record->durations);
    dur_table_free(&record->measured);
    free(record->durations_dir);
    free(record->current_node);
    free(record);
}
