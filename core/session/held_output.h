/* What collection writes past its own capture, held until the header is
 * out.
 *
 * fastest collects before it prints the header (whose strategy line
 * depends on what was collected); pytest prints the header and
 * "collecting ... " first, so what a conftest.py prints while collection
 * imports it, and under -s what test modules print while imported,
 * follow them. While the engine collects, the session's stdout and
 * stderr go to memory files, which the run writes out once the header is
 * printed (or, when it never is, at the session's end: nothing is lost).
 * Descriptors 1 and 2 are diverted, and with them the copies an engine's
 * suspended output capture restores them from (its "terminal"
 * descriptors: core/python/engine_collect.c asks the engine for them). */
#ifndef FT_SESSION_HELD_OUTPUT_H
#define FT_SESSION_HELD_OUTPUT_H

#include <stddef.h>

#define HELD_OUTPUT_MAX_DIVERTED 6

struct held_output {
    int files[2]; /* memory files for stdout and stderr; -1 when none */
    /* While holding: each diverted descriptor and a copy of what it was. */
    struct {
        int fd;
        int backup;
    } diverted[HELD_OUTPUT_MAX_DIVERTED];
    size_t diverted_count;
};

#define HELD_OUTPUT_NONE {.files = {-1, -1}}

/* A descriptor writing to the session's stdout (stream 1) or stderr
 * (stream 2) besides 1 and 2 themselves. */
struct held_output_copy {
    int stream;
    int fd;
};

/* Points descriptors 1 and 2, and each of copies (at most
 * HELD_OUTPUT_MAX_DIVERTED - 2), at memory files (call with C stdio and
 * any buffered streams flushed). Returns 0, or an errno value with nothing
 * changed. */
int held_output_start(struct held_output *held, const struct held_output_copy *copies,
                      size_t copy_count);

/* Puts every diverted descriptor back (flush first); the memory files
 * keep what was written. */
void held_output_stop(struct held_output *held);

/* Writes what was held to descriptors 1 and 2 and forgets it. */
void held_output_write(struct held_output *held);

#endif
