/* A/B experiments: `fastest --ab A,B [--repeat K]` runs the selected suite
 * under strategies A and B alternately, K times each, every run in a fresh
 * fastest process; prints medians, spread and the ratio, and compares every
 * run's per-node outcomes. */
#ifndef FT_AB_H
#define FT_AB_H

#include <stddef.h>

struct fastest_session;

/* Runs the experiment for the parsed session; args are the command line
 * as given (without the program name), passed on to each run minus --ab
 * and --repeat. Returns the exit code: 0 when every run reported the same
 * outcome for every node, 1 when any differed (listed on stdout), 4 for
 * a bad --ab value (an unknown strategy is named with the loaded ones). */
int ab_run(struct fastest_session *session, const char *const *args, size_t count);

#endif
