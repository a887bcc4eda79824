/* What pytest's cache plugins (cacheprovider's LFPlugin and NFPlugin,
 * stepwise) read before a run and record during it: the last failures,
 * the node ids seen, and stepwise's failed test. Read at the start from
 * the store, updated from the run's events with pytest's rules, written at
 * SESSION_FINISH in pytest's order (nodeids, lastfailed, stepwise). */
#ifndef FT_PYTEST_CACHE_RECORDER_H
#define FT_PYTEST_CACHE_RECORDER_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

#include "base/string_set.h"
#include "pytest_cache/store.h"

struct fastest_session;

struct pc_recorder {
    struct pc_store store;
    bool collect_only;
    struct string_set lastfailed;          /* LFPlugin.lastfailed, kept current */
    struct string_set saved_lastfailed;    /* as read: written only when changed */
    struct string_set nodeids;             /* NFPlugin.cached_nodeids */
    bool stepwise;                         /* --sw (or --sw-skip) */
    bool stepwise_skip;                    /* --sw-skip's first failure not yet seen */
    char *stepwise_failed; /* StepwisePlugin.lastfailed: a node id, or NULL */
    bool stepwise_unknown; /* the stored value was true-ish but no string */
    /* --sw stops the session where -x/--maxfail would not (exit 2). */
    bool stepwise_interrupts;
};

/* Reads the cache for this run's options (rootdir and the ini's cache_dir
 * set; --cache-clear applied first). *out is NULL with `-p
 * no:cacheprovider` (nothing read, nothing written). Returns 0 or
 * FASTEST_ENOMEM; free with pc_recorder_free. */
int pc_recorder_open(const struct fastest_session *session, struct pc_recorder **out);
void pc_recorder_free(struct pc_recorder *recorder);

/* LFPlugin.pytest_collectreport for a module that collected without error
 * (failed ones arrive as COLLECT_REPORT events): a module recorded as
 * failed is replaced by its items. Returns 0 or FASTEST_ENOMEM. */
int pc_recorder_module_collected(struct pc_recorder *recorder, const char *path,
                                 const char *const *node_ids, size_t count);

/* Records one event (TEST_REPORT, COLLECT_REPORT), or at SESSION_FINISH
 * writes the values, reporting a cache that cannot be written as
 * PytestCacheWarning WARNING events through session_emit (so reporters see
 * them before SESSION_FINISH). A --sw stop marks the session interrupted. */
void pc_recorder_observe(struct pc_recorder *recorder, struct fastest_session *session,
                         const struct fastest_event *event);

#endif
