/* pytest's exit codes, derived from the events of a run. */
#ifndef FT_SESSION_EXIT_STATUS_H
#define FT_SESSION_EXIT_STATUS_H

#include <stddef.h>

#include <fastest/event.h>

struct ft_tally;

/* pytest's ExitCode values. */
enum ft_exit_status {
    FT_EXIT_OK = 0,
    FT_EXIT_TESTS_FAILED = 1,
    FT_EXIT_INTERRUPTED = 2,
    FT_EXIT_INTERNAL_ERROR = 3,
    FT_EXIT_USAGE_ERROR = 4,
    FT_EXIT_NO_TESTS_COLLECTED = 5,
};

/* Counts what the event says about the run's outcome. */
void tally_record(struct ft_tally *tally, const struct fastest_event *event);

/* The exit code pytest gives a run that produced this tally with this many
 * selected items: fastest's own failure 3, the status pytest's session
 * ended with when a plugin changed it, a usage error 4, the code
 * pytest.exit(returncode=N) asked for, interrupted 2 (a run stopped by
 * collection errors is interrupted), a failure or an error 1, nothing
 * selected 5, else 0. */
int tally_exit_status(const struct ft_tally *tally, size_t selected_count);

#endif
