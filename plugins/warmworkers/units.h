/* Units of work for the host's worker pool, shared by the warmworkers and
 * fullparallel strategies (compiled into both): which items must stay on
 * one worker, following --dist as pytest-xdist reads it. */
#ifndef FASTEST_PLUGIN_UNITS_H
#define FASTEST_PLUGIN_UNITS_H

#include <stddef.h>

#include <fastest/host.h>

enum units_scope {
    UNITS_SCOPE_CLASS,  /* a module's functions, or one class: shared fixtures stay warm */
    UNITS_SCOPE_MODULE, /* --dist loadfile */
};

/* The plan's items grouped into units, in plan order of each unit's first
 * item. All arrays come from host->alloc; free them with units_free. */
struct units {
    size_t *items;     /* plan indices, unit after unit */
    size_t *sizes;     /* items per unit */
    double *durations; /* estimated seconds per unit */
    /* Per unit: its items must share one worker, because --dist promises
     * it (pytest-xdist's guarantee for loadscope and loadfile units and
     * loadgroup groups) or because one uses a class-, module- or
     * package-scoped fixture, which each worker running part of the unit
     * would make anew. A strategy may split the others. */
    unsigned char *whole;
    /* Per unit: some of its items have no recorded duration, so its
     * duration is a guess (a first run's are all guesses). */
    unsigned char *estimated;
    size_t count; /* units */
    size_t item_count;
};

/* Groups the session's items by scope; items of one xdist_group form one
 * unit whatever the scope (--dist loadgroup). Unknown recorded durations
 * are estimated as the mean of the known ones (1 ms when none is known).
 * Returns 0 or FASTEST_ENOMEM. */
int units_build(const struct fastest_host *host, struct fastest_session *session,
                enum units_scope scope, struct units *out /* OUT */);

/* The scope --dist asks for. */
enum units_scope units_scope_of(const struct fastest_host *host,
                                const struct fastest_session *session);

/* The worker count: -n when given (at least 1), else fallback. */
unsigned units_worker_count(const struct fastest_host *host, const struct fastest_session *session,
                            unsigned fallback);

void units_free(const struct fastest_host *host, struct units *units);

#endif
