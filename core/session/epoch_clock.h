/* The wall clock, as the epoch seconds reports carry (pytest's
 * time.time()): a report's start and stop, the session's duration. */
#ifndef FT_SESSION_EPOCH_CLOCK_H
#define FT_SESSION_EPOCH_CLOCK_H

double epoch_now(void);

#endif
