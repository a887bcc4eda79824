/* Seconds on a clock that only moves forward: for measuring how long
 * something took (the wall clock may jump). */
#ifndef FT_BASE_MONOTONIC_CLOCK_H
#define FT_BASE_MONOTONIC_CLOCK_H

double monotonic_now(void);

#endif
