/* pytest's cache-driven selection and order: --lf/--last-failed (with
 * --lfnf), --ff/--failed-first, --nf/--new-first, --sw/--stepwise and
 * --sw-skip, with pytest's rules (cacheprovider's LFPlugin and NFPlugin,
 * stepwise's StepwisePlugin), over what core/pytest_cache/ read. */
#ifndef FT_RUN_CACHE_ORDER_H
#define FT_RUN_CACHE_ORDER_H

#include <stddef.h>

#include "base/string_set.h"
#include "plan/plan.h"
#include "pytest_cache/recorder.h"

struct fastest_session;
struct run_collection;

/* What --lf's collection left out: files it skipped, and items of the
 * last failures' files it did not collect (neither counts as deselected). */
struct cache_collect {
    struct string_set skipped_files;
    struct string_set lf_first; /* the files --lf runs first */
    size_t skipped_file_count;
    size_t dropped_items; /* marked deselected in the plan, not to be counted */
};

/* The option holding the failed tests after which --sw stops (1, or 2
 * with --sw-skip), as pytest's stepwise plugin sets session.shouldstop:
 * the engine's stop (the suite's hooks see shouldstop, and the user's
 * --maxfail). */
#define RUN_STEPWISE_LIMIT "fastest_stepwise_limit"

/* --sw stops at the first failed test (--sw-skip at the second) as
 * pytest's session.shouldstop does: sets RUN_STEPWISE_LIMIT and the
 * console's fastest_stop_reason, and maxfail for the strategies when -x
 * or --maxfail would not stop sooner (RUN_COLLECTION_MAXFAIL keeps the
 * user's for collection errors). Call before discovery (the engine reads
 * maxfail). Returns 0 or FASTEST_ENOMEM. */
int run_cache_stop_options(struct fastest_session *session, struct pc_recorder *recorder);

/* Collection-time rules on the plan (after -k/-m, whose counts they do
 * not change): --lf keeps, in the files of the last failures, only the
 * failed module-level tests and skips the other files once a failure was
 * collected (LFPluginCollWrapper/LFPluginCollSkipfiles); every module that
 * collected replaces its own lastfailed entry by its items. Returns 0 or
 * FASTEST_ENOMEM; free *out with run_cache_collect_free. */
int run_cache_collect(struct fastest_session *session, struct pc_recorder *recorder,
                      struct ft_plan *plan, struct cache_collect *out);
void run_cache_collect_free(struct cache_collect *collect);

/* pytest_collection_modifyitems' rules on the session's items (stepwise,
 * then --lf/--ff, then --nf), the deselected counts, the collection events
 * of skipped files dropped, and the header lines pytest prints after
 * "collected N items" set as the option fastest_collection_finish_lines (lines
 * joined by '\n'). Returns 0 or FASTEST_ENOMEM. */
int run_cache_order(struct fastest_session *session, struct pc_recorder *recorder,
                    const struct cache_collect *collect, struct run_collection *collection);

/* NFPlugin's record of the node ids seen (the cache's "cache/nodeids"):
 * the session's items join it. run_cache_order does it for the native
 * engine; the pytest engine's session, whose collection pytest ordered,
 * calls it alone. Returns 0 or FASTEST_ENOMEM; nothing without a
 * recorder. */
int run_cache_record_items(struct fastest_session *session, struct pc_recorder *recorder);

#endif
