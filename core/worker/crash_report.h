/* What a test that took its worker down is reported as: an error naming
 * the cause (signal, exit code, timeout) and the worker's last words. */
#ifndef FT_WORKER_CRASH_REPORT_H
#define FT_WORKER_CRASH_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/event.h>

/* How far the item got before its worker died: which events the parent
 * has already seen. */
struct wk_item_progress {
    bool started;        /* ITEM_START */
    bool setup_reported; /* the setup TEST_REPORT */
    bool setup_passed;
    bool call_reported;
    bool teardown_reported;
};

/* The cause, as one line: "worker gw1 was killed by signal SIGSEGV
 * (Segmentation fault) while running this test". wait_status is waitpid's;
 * timeout > 0 means the parent killed the worker after that many seconds,
 * the limit timeout_source set ("--timeout", "its timeout mark"; unread
 * when timeout is 0).
 * Returns a malloc'd string (the caller frees it), or NULL. */
char *wk_crash_cause(unsigned worker_index, int wait_status, double timeout,
                     const char *timeout_source);

/* Calls sink with the events that complete the item as an error: the
 * missing ITEM_START, a failed report for the phase that was running and
 * ITEM_FINISH. That phase is the call when no report of the item came
 * before (a passed setup report is added; the engine holds an item's
 * reports until its phases are over, and pytest-xdist too reports such a
 * test as failed), else the phase after the last one reported (a failed
 * call gets a passed teardown, as pytest reports it). longrepr is the cause
 * followed by diagnostics (the worker's faulthandler output), which may be
 * empty. Events are borrowed for the call. */
void wk_crash_events(const char *node_id, const char *path, const struct wk_item_progress *progress,
                     const char *cause, const char *diagnostics,
                     void (*sink)(void *context, const struct fastest_event *event), void *context);

#endif
