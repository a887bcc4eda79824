/* The fullparallel strategy: one worker per core (or -n), each taking a
 * whole module (or xdist_group) at a time from a shared queue. In a large
 * suite modules go out in chunks (smaller toward the end of the run: the
 * host's pool sizes them by what is left). Only --dist worksteal, which
 * asks for pytest-xdist's splitting of modules, lets a worker that runs
 * dry steal the unsent half of the largest remainder (a split module then
 * sets up its module and class fixtures once per worker, as under
 * pytest-xdist); otherwise modules stay whole, so tests that share module,
 * class or package state see what they see under pytest. Crash isolation
 * is the host's worker pool's: a test that kills its worker costs that
 * test. */
#include <string.h>

#include <fastest/host.h>
#include <fastest/plugin.h>
#include <fastest/strategy.h>

#include "../warmworkers/units.h"

/* Chunks per worker over the run: the grain of stealing. */
#define CHUNKS_PER_WORKER 8
/* A suite of at least this many items per worker may split its modules. */
#define LARGE_SUITE_ITEMS_PER_WORKER 64

static int run(const struct fastest_host *host, struct fastest_session *session, char **out_error)
{
    struct units units;
    int rc = units_build(host, session, UNITS_SCOPE_MODULE, &units);
    if (rc)
        return rc;
    unsigned workers = units_worker_count(host, session, host->cpu_count());
    int large = units.item_count >= (size_t)workers * LARGE_SUITE_ITEMS_PER_WORKER;
    /* Chunks of a module all go to the worker that took it; only stealing
     * moves items between workers (no unit is whole under worksteal). */
    const char *dist = host->option(session, "dist");
    int steal = large && dist && strcmp(dist, "worksteal") == 0;
    size_t chunk = units.item_count / ((size_t)workers * CHUNKS_PER_WORKER);
    struct fastest_worker_plan plan = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_worker_plan),
        .items = units.items,
        .item_count = units.item_count,
        .unit_sizes = units.sizes,
        .unit_count = units.count,
        .worker_count = workers,
        .chunk_items = large && chunk ? chunk : 0,
        .flags = steal ? FASTEST_WORKERS_STEAL : 0,
    };
    rc = host->workers_run(session, &plan, out_error);
    units_free(host, &units);
    return rc;
}

static const struct fastest_strategy strategy = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_strategy),
    .run = run,
};

static const struct fastest_plugin descriptor = {
    .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_plugin),
    .name = "fullparallel",
    .version = FASTEST_VERSION_STRING,
    .description = "one worker per core, module-sized units (work stealing with --dist "
                   "worksteal), crash isolation",
    .kind = FASTEST_PLUGIN_STRATEGY,
    .table = &strategy,
};

FASTEST_PLUGIN_ENTRY(host_abi, host, out_plugin, out_error)
{
    (void)host_abi;
    if (!FASTEST_HAS_MEMBER(host, struct fastest_host, requested_workers)) {
        *out_error = host->strdup("fullparallel needs a fastest host with plugin ABI 1.1 or "
                                  "later (the worker pool); upgrade fastest");
        return FASTEST_EPLUGIN;
    }
    *out_plugin = &descriptor;
    return 0;
}
