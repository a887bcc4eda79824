/* What a run records for the next one: pytest's cache values
 * (core/pytest_cache/) and fastest's recorded durations
 * (core/cache/durations.h). Installed as the session's observer for the
 * run, so it sees every event first, and writes at SESSION_FINISH. */
#ifndef FT_RUN_RECORD_H
#define FT_RUN_RECORD_H

#include "cache/durations.h"
#include "pytest_cache/recorder.h"

struct fastest_session;

struct run_record {
    struct pc_recorder *pytest_cache; /* NULL with -p no:cacheprovider */
    struct dur_table durations;       /* earlier runs' */
    struct dur_table measured;        /* this run's, by ITEM_FINISH */
    char *durations_dir;              /* NULL: durations are not written */
    char *current_node;               /* the item whose phases are being summed */
    double current_seconds;
};

/* Reads what earlier runs recorded and installs the observer on session.
 * Returns 0 or FASTEST_ENOMEM; *out (free with run_record_close) is set
 * either way. */
int run_record_open(struct fastest_session *session, struct run_record **out);

/* Sets each session item's recorded_duration from earlier runs. */
void run_record_fill_durations(const struct run_record *record, struct fastest_session *session);

/* Removes the observer and frees the record (NULL is fine). */
void run_record_close(struct fastest_session *session, struct run_record *record);

#endif
