/* The warmworkers strategy: a pool of N persistent workers forked from a
 * warm interpreter (the host's worker pool), fed scope-aware batches.
 *
 * Batches are cut in plan order by guided self-scheduling: each holds an
 * even share of half of the estimated time not yet batched (recorded
 * durations, else the mean of the known ones), never less than a floor.
 * So the first batches are large (little IPC, fixtures stay warm) and the
 * last ones small, and the workers, taking batches from one queue, finish
 * within about one small batch of each other. That holds when the
 * estimates do; a duration nobody recorded (every one, on a first run) is
 * a guess, and one test may outlast the rest of the suite: a batch of
 * guessed units is never more than a small share of the suite, so that
 * one worker stuck on a long test does not hold a quarter of the suite
 * with it while the other runs dry. A unit (a module's
 * functions, one class) is kept whole unless it is larger than the batch
 * it would start and either the suite is large enough to split units at
 * all, or the unit alone outlasts a worker's fair share of the suite with
 * items of 10 ms or more (one module holding a small suite's slow tests).
 * Never split: a unit --dist promises one worker (loadscope, loadfile, a
 * loadgroup group), and a unit whose items share a class-, module- or
 * package-scoped fixture (each worker would make its own instance, and
 * tests that see its state would no longer see what pytest shows them). */
#include <stdbool.h>

#include <fastest/host.h>
#include <fastest/plugin.h>
#include <fastest/strategy.h>

#include "units.h"

/* A batch holds at least 1/(workers * this) of the suite's estimated
 * time: small enough to balance the last moments, large enough that the
 * round trip per batch stays negligible. */
#define SMALLEST_BATCH_DIVISOR 64
/* A suite of at least this many items per worker may split its units. */
#define LARGE_SUITE_ITEMS_PER_WORKER 64
/* A batch of units with guessed durations holds at most 1/(workers *
 * this) of the suite's estimated time. */
#define GUESSED_BATCH_DIVISOR 16
/* Items at least this long on average (seconds, recorded) make a unit
 * longer than a worker's share worth splitting in any suite. */
#define SPLIT_WORTHY_ITEM_SECONDS 0.01

struct batch_sizing {
    unsigned workers;
    double smallest;      /* estimated seconds no batch goes below */
    double largest_guess; /* nor a batch of guessed durations above */
};

/* The estimated seconds the next batch should hold, with left seconds not
 * yet batched, when its durations are recorded or (guessed) not. */
static double batch_target(const struct batch_sizing *sizing, double left, bool guessed)
{
    double share = left / (2.0 * sizing->workers);
    if (guessed && share > sizing->largest_guess)
        share = sizing->largest_guess;
    return share > sizing->smallest ? share : sizing->smallest;
}

/* The batches cut so far, and the estimated seconds not yet in one. */
struct batches {
    size_t *sizes;
    size_t count;
    double left;
};

/* Units gathered for the next batch. */
struct open_batch {
    size_t items;
    double duration;
    bool guessed; /* one of its units' durations is a guess */
};

static void close_batch(struct batches *batches, struct open_batch *open)
{
    if (!open->items)
        return;
    batches->sizes[batches->count++] = open->items;
    batches->left -= open->duration;
    *open = (struct open_batch){0};
}

/* Cuts units into batches: *out_sizes[b] items each, from host->alloc.
 * Returns the batch count, 0 when out of memory. */
static size_t make_batches(const struct fastest_host *host, const struct units *units,
                           unsigned workers, size_t **out_sizes)
{
    double total = 0;
    for (size_t u = 0; u < units->count; u++)
        total += units->durations[u];
    struct batch_sizing sizing = {
        .workers = workers,
        .smallest = total / ((double)workers * SMALLEST_BATCH_DIVISOR),
        .largest_guess = total / ((double)workers * GUESSED_BATCH_DIVISOR),
    };
    int may_split = units->item_count >= (size_t)workers * LARGE_SUITE_ITEMS_PER_WORKER;
    /* At most one batch per item. */
    struct batches batches = {
        .sizes = host->alloc((units->item_count ? units->item_count : 1) * sizeof(size_t)),
        .left = total,
    };
    if (!batches.sizes)
        return 0;
    struct open_batch open = {0};
    for (size_t u = 0; u < units->count; u++) {
        size_t size = units->sizes[u];
        double duration = units->durations[u];
        bool guessed = units->estimated[u];
        int outsized =
            duration > total / workers && duration / (double)size >= SPLIT_WORTHY_ITEM_SECONDS;
        int splittable = !units->whole[u] && size > 1;
        if (splittable && (may_split || outsized) &&
            duration > batch_target(&sizing, batches.left, guessed)) {
            /* Too large to keep whole: pieces of the target's size, its
             * items taken as equally long. */
            close_batch(&batches, &open);
            double per_item = duration / (double)size;
            for (size_t taken = 0; taken < size;) {
                size_t piece =
                    (size_t)(batch_target(&sizing, batches.left, guessed) / per_item + 0.5);
                piece = piece < 1 ? 1 : piece > size - taken ? size - taken : piece;
                batches.sizes[batches.count++] = piece;
                batches.left -= (double)piece * per_item;
                taken += piece;
            }
            continue;
        }
        open.items += size;
        open.duration += duration;
        open.guessed |= guessed;
        if (open.duration >= batch_target(&sizing, batches.left, open.guessed))
            close_batch(&batches, &open);
    }
    close_batch(&batches, &open);
    *out_sizes = batches.sizes;
    return batches.count;
}

static int run(const struct fastest_host *host, struct fastest_session *session, char **out_error)
{
    struct units units;
    int rc = units_build(host, session, units_scope_of(host, session), &units);
    if (rc)
        return rc;
    unsigned workers = units_worker_count(host, session, host->cpu_count());
    size_t *batch_sizes = NULL;
    size_t batch_count = make_batches(host, &units, workers, &batch_sizes);
    if (batch_count == 0 && units.item_count) {
        units_free(host, &units);
        return FASTEST_ENOMEM;
    }
    struct fastest_worker_plan plan = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_worker_plan),
        .items = units.items,
        .item_count = units.item_count,
        .unit_sizes = batch_sizes,
        .unit_count = batch_count,
        .worker_count = workers,
    };
    rc = host->workers_run(session, &plan, out_error);
    host->free(batch_sizes);
    units_free(host, &units);
    return rc;
}

static const struct fastest_strategy strategy = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_strategy),
    .run = run,
};

static const struct fastest_plugin descriptor = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "warmworkers",
    .version = FASTEST_VERSION_STRING,
    .description = "persistent workers forked from a warm interpreter, fed scope-aware batches",
    .kind = FASTEST_PLUGIN_STRATEGY,
    .table = &strategy,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    if (!FASTEST_HAS_MEMBER(host, struct fastest_host, requested_workers)) {
        *out_error = host->strdup("warmworkers needs a fastest host with plugin ABI 1.1 or later "
                                  "(the worker pool); upgrade fastest");
        return FASTEST_EPLUGIN;
    }
    *out_plugin = &descriptor;
    return 0;
}
