/* Replacing this process with another command line: the hand-over to
 * pytest (handover.h) and the restart under the pytest engine (steps.h). */
#ifndef FT_RUN_REEXEC_H
#define FT_RUN_REEXEC_H

#include <stddef.h>

/* Flushes stdout and stderr, then runs the program head[0] with the
 * arguments head, args, then tail (when not NULL) in this process's place.
 * Returns only when that cannot start: errno's value (ENOMEM when the
 * command line cannot be built). */
int run_exec(const char *const *head, size_t head_count, const char *const *args, size_t count,
             const char *tail);

#endif
