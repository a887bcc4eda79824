/* A first run of a suite (no durations recorded) large enough for
 * workers: nothing tells whether they would pay off, so the pool times the
 * first items in this process before it forks any. */
#ifndef FT_WORKER_MEASURE_FIRST_H
#define FT_WORKER_MEASURE_FIRST_H

#include <fastest/host.h>

/* The session option the heuristic sets (heur_choice.measure_first) for
 * host->workers_run to time the first items first. */
#define WK_MEASURE_FIRST "fastest_measure_first"

/* Runs the plan's first items here until they took 50 ms (whole units,
 * or item by item in a unit whose items may go to different processes;
 * or until none is left), then asks the heuristic whether workers would
 * finish the rest sooner, given what the items turned out to cost. If
 * they would, it tears down what the items set up (each worker sets up
 * its own) and advances *rest past what ran; when that split a unit,
 * *out_sizes holds the unit sizes *rest now points to (the caller frees
 * it). Otherwise it runs the rest here too, ends the engine's work (as
 * the inprocess strategy does) and leaves *rest empty. Events go to the
 * session's reporters. Returns like host->workers_run: 0, FASTEST_EINTR,
 * or an error with *out_error. */
int wk_measure_first(struct fastest_session *session, struct fastest_worker_plan *rest,
                     size_t **out_sizes, char **out_error);

#endif
