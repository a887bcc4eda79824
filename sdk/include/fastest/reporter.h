/* fastest plugin SDK: reporters.
 *
 * A reporter turns the run's events into output: the terminal report, a
 * JUnit XML file, a JSON document... Several run at once; each sees every
 * event, in order, in the parent process.
 */
#ifndef FASTEST_REPORTER_H
#define FASTEST_REPORTER_H

#include "event.h"
#include "host.h"
#include "version.h"

struct fastest_reporter {
    struct fastest_struct_header header;
    /* Called once before any event. Returns 0 with *out_state set to the
     * reporter's state, or to NULL when the reporter is not wanted in this
     * run (its option is unset): it then gets no events. On failure returns
     * a negative code with *out_error set (from host->strdup; the host frees
     * it): the run stops before it starts with exit code 4, as pytest does
     * for an unwritable --junitxml path. */
    int (*open)(const struct fastest_host *host, struct fastest_session *session,
                void **out_state, char **out_error);
    /* One event; see event.h for the order and for borrowed pointers. */
    void (*on_event)(void *state, const struct fastest_event *event);
    /* Called once after SESSION_FINISH; flushes output and frees state.
     * Returns 0, or a negative code with *out_error set as for open. */
    int (*close)(void *state, char **out_error);
    /* --- ABI 1.1 and later members are appended below this line --- */
};

#endif
