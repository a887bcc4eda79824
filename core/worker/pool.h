/* The worker pool behind host->workers_run: this process prepares the
 * engine once, forks workers from it, hands them units of items, reads
 * their frames, replaces the ones that die, and reports every item in plan
 * order. See struct fastest_host's workers_run for the contract. */
#ifndef FT_WORKER_POOL_H
#define FT_WORKER_POOL_H

#include <fastest/host.h>

int wk_run(struct fastest_session *session, const struct fastest_worker_plan *plan,
           char **out_error);

/* host->requested_workers: -n as a worker count (auto and logical: the
 * usable cores), 0 for -n 0, -1 when not given. */
int wk_requested_workers(const struct fastest_session *session);

#endif
