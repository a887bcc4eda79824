/* Reports in plan order whatever the completion order.
 *
 * Workers finish items in any order; reporters must see each item's events
 * contiguously, and the final report and JUnit XML must list the same items
 * in the same order whatever the strategy. So events are held per item and
 * an item is released only when every item before it in the plan has been.
 * The events of the item next in line go straight through, so progress
 * output keeps pace with a suite that runs roughly in order; when an early
 * item is slow, what finished after it waits (the trade-off: progress output
 * may lag, the final report never differs).
 */
#ifndef FT_WORKER_RELEASE_H
#define FT_WORKER_RELEASE_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>
#include <fastest/host.h>

struct fastest_session;
struct wk_release;

/* A release queue for the given plan indices (any order; released in
 * ascending plan order), handing each released event to sink (its first
 * argument sink_context). Returns NULL when out of memory. Free with
 * wk_release_free. */
struct wk_release *wk_release_new(struct fastest_session *session, const size_t *items,
                                  size_t count, fastest_event_sink sink, void *sink_context);
void wk_release_free(struct wk_release *release);

/* Hands event, which belongs to plan item `item`, to the reporters now or
 * later (a copy is kept). Returns 0 or FASTEST_ENOMEM. */
int wk_release_add(struct wk_release *release, size_t item, const struct fastest_event *event);

/* The item's last event arrived (done) or the item will not run (dropped:
 * the run stopped before it); releases what can now go. Returns true when
 * the session has reached its stop condition (-x, --maxfail) with the
 * items released so far: nothing more is released then. */
bool wk_release_done(struct wk_release *release, size_t item);
void wk_release_drop(struct wk_release *release, size_t item);

/* The item will run again from its start (its worker died under it and
 * it is retried): the events it held are forgotten, and the first events
 * of the new run, as many as the sink already has from the first (those
 * of the item next in line go straight through), are not handed over
 * again, so the reporters see one run. */
void wk_release_rerun(struct wk_release *release, size_t item);

/* True once every item was released or dropped. */
bool wk_release_complete(const struct wk_release *release);

#endif
