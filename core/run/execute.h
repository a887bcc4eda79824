/* A run from its first event to its last: the session events around the
 * strategy's work, and the exit status pytest would give. */
#ifndef FT_RUN_EXECUTE_H
#define FT_RUN_EXECUTE_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

struct fastest_session;
struct ft_plugin;

/* The option holding how many collection errors stop the run when it
 * differs from maxfail (--sw sets maxfail for failed tests only); absent,
 * maxfail counts them as pytest does. */
#define RUN_COLLECTION_MAXFAIL "fastest_collection_maxfail"

/* Emits SESSION_START, the collection events (COLLECT_REPORTs for errors
 * and module-level skips, WARNINGs) and COLLECTION_FINISH, then
 * either lists the items (--collect-only), stops (collection errors
 * without --continue-on-collection-errors: interrupted, as pytest), or has
 * the strategy run them; then SESSION_FINISH. started is when collection
 * began (epoch_now()): the session's duration counts from there, as
 * pytest's does. Returns pytest's exit code. Reporters must be open. */
int exec_session(struct fastest_session *session, const struct ft_plugin *strategy,
                 struct fastest_event *const *collection_events, size_t event_count,
                 double started);

#endif
