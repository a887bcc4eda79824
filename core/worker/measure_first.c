/* Timing a first run's first items in-process. The heuristic prices
 * workers against in-process from recorded durations; on a first run it
 * has none, and a guess is wrong one way or the other: a few hundred
 * trivial tests finish sooner in-process on two cores (forking and the
 * copying of shared pages cost more than the second core saves), 200
 * tests of 20 ms finish in half the time on workers. Timed, the first
 * units tell which kind of suite it is: the estimate then prices the rest
 * at what they cost (thousands of trivial tests may still go to workers,
 * ~10% sooner in session 23's bench/parallel), and a slow suite forks
 * after MEASURE_SECONDS, of which the second core would have saved half. */
#include "worker/measure_first.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/cpu_wait.h"
#include "base/monotonic_clock.h"
#include "heuristic/heuristic.h"
#include "python/engine.h"
#include "session/session.h"

/* How long the first units run here before the decision: long enough for
 * a mean that start-up costs (a module's first import of something, its
 * fixtures) do not dominate. */
#define MEASURE_SECONDS 0.05

/* When the timing started: the clock, and how long this thread had
 * waited for a CPU by then (read through wait). */
struct timing_start {
    double clock;
    struct cpu_wait wait;
    double waited;
};

static struct timing_start timing_start_now(void)
{
    struct cpu_wait wait = cpu_wait_open();
    return (struct timing_start){monotonic_now(), wait, cpu_wait_seconds(wait)};
}

/* Seconds since start, less those this thread spent waiting for a CPU:
 * what the items would have taken on an idle machine. On a loaded one
 * (a CI runner's other jobs) the clock alone makes trivial tests look
 * slow enough to fork for, though the other cores are no freer. */
static double elapsed(struct timing_start start)
{
    return (monotonic_now() - start.clock) - (cpu_wait_seconds(start.wait) - start.waited);
}

/* The rest of the run here, and the end of the engine's work, as the
 * inprocess strategy has them; rc: how the units run so far ended. */
static int finish_here(struct fastest_session *session, struct fastest_worker_plan *rest,
                       size_t done, int rc, char **out_error)
{
    if (rc == 0 && done < rest->item_count)
        rc = pyh_engine_run(session, rest->items + done, rest->item_count - done, session_emit_sink,
                            session, out_error);
    rest->item_count = rest->unit_count = 0;
    if (rc && rc != FASTEST_EINTR)
        return rc;
    int finish_rc = pyh_engine_finish(session, session_emit_sink, session, out_error);
    return finish_rc ? finish_rc : rc;
}

/* Whether the items of one unit may run some here and the rest on a
 * worker: not when --dist promises a unit one worker (loadscope,
 * loadfile, loadgroup), nor when an item uses a class-, module- or
 * package-scoped fixture (the two halves would get two instances). */
static bool splittable(const struct fastest_session *session, const size_t *items, size_t count)
{
    const char *dist = opt_get(session->options, "dist");
    if (dist && (strcmp(dist, "loadscope") == 0 || strcmp(dist, "loadfile") == 0 ||
                 strcmp(dist, "loadgroup") == 0))
        return false;
    for (size_t i = 0; i < count; i++)
        if (session->items[items[i]].shares_fixtures)
            return false;
    return true;
}

/* Runs items here from the plan's start until MEASURE_SECONDS have
 * passed: whole units, or a few items at a time in a unit that may be
 * split (a unit's first test can take seconds). *out_units: whole units run;
 * *out_split: items of the next unit run; returns how rc ended. */
static int run_timed(struct fastest_session *session, const struct fastest_worker_plan *plan,
                     struct timing_start started, size_t *out_units, size_t *out_split,
                     char **out_error)
{
    size_t units = 0, done = 0, split = 0;
    int rc = 0;
    while (rc == 0 && units < plan->unit_count && elapsed(started) < MEASURE_SECONDS) {
        size_t size = plan->unit_sizes[units];
        const size_t *items = plan->items + done;
        if (!splittable(session, items, size)) {
            rc = pyh_engine_run(session, items, size, session_emit_sink, session, out_error);
        } else {
            /* One item, then twice as many each time: a long first item
             * is seen after itself alone, while quick ones are run in
             * calls few enough not to weigh on what they measure. */
            size_t chunk = 1;
            for (split = 0; rc == 0 && split < size; chunk *= 2) {
                if (split && elapsed(started) >= MEASURE_SECONDS)
                    break;
                size_t count = chunk < size - split ? chunk : size - split;
                rc = pyh_engine_run(session, items + split, count, session_emit_sink, session,
                                    out_error);
                split += count;
            }
            if (split < size)
                break;
            split = 0;
        }
        done += size;
        units++;
    }
    *out_units = units;
    *out_split = split;
    return rc;
}

int wk_measure_first(struct fastest_session *session, struct fastest_worker_plan *rest,
                     size_t **out_sizes, char **out_error)
{
    *out_error = NULL;
    *out_sizes = NULL;
    struct timing_start started = timing_start_now();
    size_t units, split;
    int rc = run_timed(session, rest, started, &units, &split, out_error);
    size_t done = split;
    for (size_t u = 0; u < units; u++)
        done += rest->unit_sizes[u];
    double each = done ? elapsed(started) / (double)done : 0;
    cpu_wait_close(started.wait);
    size_t left = rest->item_count - done;
    bool fork =
        rc == 0 && left > 0 && heur_workers_pay_off(each * (double)left, left, rest->worker_count);
    session_host()->log(session, FASTEST_LOG_DEBUG,
                        "workers: %zu items timed in-process, %.0f us each: the other %zu %s", done,
                        each * 1e6, left, fork ? "on workers" : "in-process too");
    if (!fork)
        return finish_here(session, rest, done, rc, out_error);
    rc = pyh_engine_settle(session, session_emit_sink, session, out_error);
    if (rc)
        return rc == FASTEST_EINTR ? finish_here(session, rest, rest->item_count, rc, out_error)
                                   : rc;
    size_t unit_count = rest->unit_count - units;
    if (split) {
        /* The rest of the split unit is the first unit left. */
        size_t *sizes = malloc(unit_count * sizeof(*sizes));
        if (!sizes)
            return finish_here(session, rest, done, FASTEST_ENOMEM, out_error);
        memcpy(sizes, rest->unit_sizes + units, unit_count * sizeof(*sizes));
        sizes[0] -= split;
        *out_sizes = sizes;
        rest->unit_sizes = sizes;
    } else {
        rest->unit_sizes += units;
    }
    rest->items += done;
    rest->item_count = left;
    rest->unit_count = unit_count;
    return 0;
}
