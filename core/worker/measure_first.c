/* Timing a first run's first items in-process. The heuristic prices
 * workers against in-process from recorded durations; on a first run it
 * has none, and a guess is wrong one way or the other: 5,000 trivial tests
 * finish ~20% sooner in-process on two cores (forking and the copying of
 * shared pages cost more than the second core saves), 200 tests of 20 ms
 * finish in half the time on workers. Timed, the first units tell which
 * kind of suite it is: a trivial one then never forks, a slow one forks
 * after MEASURE_SECONDS, of which the second core would have saved half. */
#include "worker/measure_first.h"

#include <fastest/errors.h>

#include "base/monotonic_clock.h"
#include "heuristic/heuristic.h"
#include "python/engine.h"
#include "session/session.h"

/* How long the first units run here before the decision: long enough for
 * a mean that start-up costs (a module's first import of something, its
 * fixtures) do not dominate. */
#define MEASURE_SECONDS 0.05

static void to_reporters(void *context, const struct fastest_event *event)
{
    session_emit(context, event);
}

/* The rest of the run here, and the end of the engine's work, as the
 * inprocess strategy has them; rc: how the units run so far ended. */
static int finish_here(struct fastest_session *session, struct fastest_worker_plan *rest,
                       size_t done, int rc, char **out_error)
{
    if (rc == 0 && done < rest->item_count)
        rc = pyh_engine_run(session, rest->items + done, rest->item_count - done, to_reporters,
                            session, out_error);
    rest->item_count = rest->unit_count = 0;
    if (rc && rc != FASTEST_EINTR)
        return rc;
    int finish_rc = pyh_engine_finish(session, to_reporters, session, out_error);
    return finish_rc ? finish_rc : rc;
}

int wk_measure_first(struct fastest_session *session, struct fastest_worker_plan *rest,
                     char **out_error)
{
    *out_error = NULL;
    double started = monotonic_now();
    size_t units = 0, done = 0;
    int rc = 0;
    while (rc == 0 && units < rest->unit_count && monotonic_now() - started < MEASURE_SECONDS) {
        rc = pyh_engine_run(session, rest->items + done, rest->unit_sizes[units], to_reporters,
                            session, out_error);
        done += rest->unit_sizes[units++];
    }
    double each = done ? (monotonic_now() - started) / (double)done : 0;
    size_t left = rest->item_count - done;
    bool fork =
        rc == 0 && left > 0 && heur_workers_pay_off(each * (double)left, left, rest->worker_count);
    session_host()->log(session, FASTEST_LOG_DEBUG,
                        "workers: %zu items timed in-process, %.0f us each: the other %zu %s", done,
                        each * 1e6, left, fork ? "on workers" : "in-process too");
    if (!fork)
        return finish_here(session, rest, done, rc, out_error);
    rc = pyh_engine_settle(session, to_reporters, session, out_error);
    if (rc)
        return rc == FASTEST_EINTR ? finish_here(session, rest, rest->item_count, rc, out_error)
                                   : rc;
    rest->items += done;
    rest->item_count = left;
    rest->unit_sizes += units;
    rest->unit_count -= units;
    return 0;
}
