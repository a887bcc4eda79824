#include "heuristic/heuristic.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <fastest/plugin.h>

#include "heuristic/page_fault_cost.h"
#include "python/engine_mode.h"
#include "session/session.h"
#include "worker/pool.h"

/* Without any recorded duration, fewer than PARALLEL_MIN_ITEMS stay
 * in-process: for them workers could save little and would cost a lot;
 * more are timed as they run, in-process first (measure_first), or where
 * that cannot be are priced as typical unit tests. Items without one
 * among items with one are priced at their mean. */
#define PARALLEL_MIN_ITEMS 200
#define ASSUMED_TEST_SECONDS 1e-3

/* What recorded durations (the sum of an item's phases) leave out: the
 * engine's own time per item, in-process. The pytest engine's is pytest's
 * runtest protocol with its hooks and reports: 1,000 trivial tests take
 * 0.16 s natively and 1.06 s under the pytest engine, 0.63 s of it past
 * collection (on 2 workers 0.95 s: its items are worth forking for sooner). */
#define NATIVE_ENGINE_SECONDS_PER_ITEM 40e-6
#define PYTEST_ENGINE_SECONDS_PER_ITEM 600e-6

/* What workers add, counted in page faults (heur_page_fault_seconds): a
 * forked worker shares the parent's memory until it writes to it, and
 * Python writes everywhere it looks (reference counts), so a worker pays
 * for thousands of pages before its first test and for more with every
 * item, and so does the parent. Fitted with bench/run on trivial suites of
 * 35 to 5,000 tests on 2 cores where a fault cost 9 us: 80 ms for the
 * workers, 100 us per item; since workers copy what they inherit in bulk
 * (python/prefault.c) they cost less (docs/strategies.md). */
#define WORKER_FIXED_FAULTS 9000.0
#define WORKER_FAULTS_PER_ITEM 11.0

/* The loaded strategies' names, comma-separated, into buffer. */
static void list_strategies(const struct ft_plugin_set *plugins, char *buffer, size_t size)
{
    size_t used = 0;
    buffer[0] = '\0';
    for (size_t i = 0; i < plugins->count && used < size; i++) {
        const struct fastest_plugin *plugin = plugins->plugins[i].descriptor;
        if (plugin->kind != FASTEST_PLUGIN_STRATEGY)
            continue;
        int written = snprintf(buffer + used, size - used, "%s%s", used ? ", " : "", plugin->name);
        if (written > 0)
            used += (size_t)written;
    }
}

/* Sets choice to the named strategy with the reason, or explains that it
 * is not loaded. */
static void pick(struct heur_choice *choice, const struct fastest_session *session,
                 const char *name, const char *format, ...) __attribute__((format(printf, 4, 5)));
static void pick(struct heur_choice *choice, const struct fastest_session *session,
                 const char *name, const char *format, ...)
{
    choice->strategy = plug_find(&session->plugins, FASTEST_PLUGIN_STRATEGY, name);
    if (!choice->strategy) {
        char names[160];
        list_strategies(&session->plugins, names, sizeof names);
        snprintf(choice->reason, sizeof choice->reason,
                 "no strategy named '%s' is loaded (loaded: %s); check the plugin folder and "
                 "FASTEST_PLUGIN_PATH",
                 name, names[0] ? names : "none");
        return;
    }
    va_list args;
    va_start(args, format);
    vsnprintf(choice->reason, sizeof choice->reason, format, args);
    va_end(args);
}

/* The selection's recorded duration in seconds, and how many items have
 * one. */
static double recorded_seconds(const struct fastest_session *session, size_t *out_known)
{
    double total = 0;
    *out_known = 0;
    for (size_t i = 0; i < session->item_count; i++)
        if (session->items[i].recorded_duration >= 0) {
            total += session->items[i].recorded_duration;
            (*out_known)++;
        }
    return total;
}

/* A selection's cost both ways, in seconds, from its tests' own time. */
struct estimate {
    double in_process;
    double with_workers;
    double fault_seconds;
};

/* From what the items cost in-process, the engine's time included. */
static struct estimate estimate_from(double in_process, size_t count, unsigned cores)
{
    double fault = heur_page_fault_seconds();
    double items_add = (double)count * WORKER_FAULTS_PER_ITEM * fault;
    return (struct estimate){
        .in_process = in_process,
        .with_workers = WORKER_FIXED_FAULTS * fault + (in_process + items_add) / (double)cores,
        .fault_seconds = fault,
    };
}

static struct estimate estimate(const struct fastest_session *session, double test_seconds,
                                size_t count, unsigned cores)
{
    double engine_seconds = pyh_engine_is_pytest(session) ? PYTEST_ENGINE_SECONDS_PER_ITEM
                                                          : NATIVE_ENGINE_SECONDS_PER_ITEM;
    return estimate_from(test_seconds + (double)count * engine_seconds, count, cores);
}

bool heur_workers_pay_off(double in_process_seconds, size_t count, unsigned workers)
{
    struct estimate cost = estimate_from(in_process_seconds, count, workers);
    return workers > 1 && cost.with_workers < cost.in_process;
}

/* Whether the items can be timed in-process before workers take over: not
 * under the pytest engine (its plugins' wrappers around the run, such as
 * pytest-cov's, must open before the first fork), nor with a time limit
 * (only a worker can be stopped past it). */
static bool measurable_first(const struct fastest_session *session)
{
    if (pyh_engine_is_pytest(session) || opt_get(session->options, "timeout"))
        return false;
    for (size_t i = 0; i < session->item_count; i++)
        if (session->items[i].has_timeout_mark)
            return false;
    return true;
}

/* The parallel strategy for --dist: worksteal asks for stealing. */
static const char *parallel_strategy(const struct fastest_session *session)
{
    const char *dist = opt_get(session->options, "dist");
    return dist && strcmp(dist, "worksteal") == 0 ? "fullparallel" : "warmworkers";
}

/* The strategy the estimate says is cheaper. */
static const char *cheaper(const struct fastest_session *session, struct estimate cost)
{
    return cost.with_workers < cost.in_process ? parallel_strategy(session) : "inprocess";
}

struct heur_choice heur_choose(const struct fastest_session *session)
{
    struct heur_choice choice = {0};
    const char *requested = opt_get(session->options, "strategy");
    if (requested) {
        pick(&choice, session, requested, "asked for with --strategy");
        return choice;
    }
    int workers = wk_requested_workers(session);
    if (workers == 0) {
        pick(&choice, session, "inprocess", "-n 0: no workers");
        return choice;
    }
    if (workers > 0) {
        pick(&choice, session, parallel_strategy(session), "-n %d asks for %d worker%s", workers,
             workers, workers == 1 ? "" : "s");
        return choice;
    }
    if (opt_is_true(session->options, "exitfirst") ||
        opt_get_long(session->options, "maxfail", 0) > 0) {
        pick(&choice, session, "inprocess",
             "-x/--maxfail: in-process stops at the first failures without running ahead");
        return choice;
    }
    const char *capture = opt_get(session->options, "capture");
    if (capture && strcmp(capture, "fd") != 0) {
        pick(&choice, session, "inprocess",
             "--capture=%s: what tests write reaches the terminal in run order, between the "
             "progress marks",
             capture);
        return choice;
    }
    unsigned cores = session_host()->cpu_count();
    size_t known = 0;
    double seconds = recorded_seconds(session, &known);
    size_t count = session->item_count;
    if (cores < 2) {
        pick(&choice, session, "inprocess", "1 usable core: workers would only add overhead");
    } else if (known == count && count > 0) {
        struct estimate cost = estimate(session, seconds, count, cores);
        pick(&choice, session, cheaper(session, cost),
             "%zu item%s recorded at %.2f s: about %.2f s in-process, %.2f s on %u workers "
             "(a page fault costs %.1f us)",
             count, count == 1 ? "" : "s", seconds, cost.in_process, cost.with_workers, cores,
             cost.fault_seconds * 1e6);
    } else if (known > 0) {
        /* Tests added since the last run: priced at the recorded ones' mean. */
        double priced = seconds + (double)(count - known) * seconds / (double)known;
        struct estimate cost = estimate(session, priced, count, cores);
        pick(&choice, session, cheaper(session, cost),
             "%zu items, %zu recorded at %.2f s, the others at their mean: about %.2f s "
             "in-process, %.2f s on %u workers (a page fault costs %.1f us)",
             count, known, seconds, cost.in_process, cost.with_workers, cores,
             cost.fault_seconds * 1e6);
    } else if (count >= PARALLEL_MIN_ITEMS && measurable_first(session)) {
        pick(&choice, session, parallel_strategy(session),
             "%zu items, no recorded durations: the first ones run in-process, timed, and the "
             "rest on %u workers only if that is sooner",
             count, cores);
        choice.measure_first = true;
    } else if (count >= PARALLEL_MIN_ITEMS) {
        struct estimate cost =
            estimate(session, (double)count * ASSUMED_TEST_SECONDS, count, cores);
        pick(&choice, session, cheaper(session, cost),
             "%zu items, no recorded durations (at %.0f ms each: about %.2f s in-process, %.2f s "
             "on %u workers; a page fault costs %.1f us)",
             count, ASSUMED_TEST_SECONDS * 1e3, cost.in_process, cost.with_workers, cores,
             cost.fault_seconds * 1e6);
    } else {
        pick(&choice, session, "inprocess", "%zu item%s: running in-process has the least overhead",
             count, count == 1 ? "" : "s");
    }
    return choice;
}
