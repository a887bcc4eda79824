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
 * The engine holds them with --capture other than fd
 * (core/python/engine_collect.c). */
#ifndef FT_SESSION_HELD_OUTPUT_H
#define FT_SESSION_HELD_OUTPUT_H

struct held_output {
    int files[2]; /* memory files standing in for descriptors 1 and 2; -1 when none */
    int saved[2]; /* the real descriptors while holding; -1 otherwise */
};

#define HELD_OUTPUT_NONE {{-1, -1}, {-1, -1}}

/* Sends descriptors 1 and 2 to memory files (call with C stdio and any
 * buffered streams flushed). Returns 0, or an errno value with nothing
 * changed. */
int held_output_start(struct held_output *held);

/* Puts the real descriptors back (flush first); the memory files keep
 * what was written. */
void held_output_stop(struct held_output *held);

/* Writes what was held to descriptors 1 and 2 and forgets it. */
void held_output_write(struct held_output *held);



#endif
