#include "worker/crash_report.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <fastest/version.h>

#include "session/epoch_clock.h"

static const char *signal_name(int number)
{
    switch (number) {
    case SIGSEGV:
        return "SIGSEGV";
    case SIGABRT:
        return "SIGABRT";
    case SIGBUS:
        return "SIGBUS";
    case SIGFPE:
        return "SIGFPE";
    case SIGILL:
        return "SIGILL";
    case SIGKILL:
        return "SIGKILL";
    case SIGTERM:
        return "SIGTERM";
    case SIGINT:
        return "SIGINT";
    case SIGPIPE:
        return "SIGPIPE";
    default:
        return "signal";
    }
}

/* What the cause adds for signals that have a usual sender besides a bug in
 * the test: SIGKILL is how the kernel's out-of-memory killer ends a process.
 * A test killed beside other workers' tests runs again alone before it is
 * reported (worker/pool.c), so a reported one had no other test beside it. */
static const char *signal_hint(int number)
{
    return number == SIGKILL ? " (SIGKILL is also how the kernel ends a process when memory runs "
                               "out; no other test ran beside this one)"
                             : "";
}

char *wk_crash_cause(unsigned worker_index, int wait_status, double timeout,
                     const char *timeout_source)
{
    char *cause = NULL;
    int rc;
    if (timeout > 0)
        rc = asprintf(&cause,
                      "Timeout: the test ran longer than %g s (%s); worker gw%u was killed "
                      "and a fresh worker ran the remaining tests",
                      timeout, timeout_source, worker_index);
    else if (WIFSIGNALED(wait_status))
        rc = asprintf(&cause,
                      "worker gw%u was killed by signal %s (%d, %s) while running this test%s; "
                      "a fresh worker ran the remaining tests",
                      worker_index, signal_name(WTERMSIG(wait_status)), WTERMSIG(wait_status),
                      strsignal(WTERMSIG(wait_status)), signal_hint(WTERMSIG(wait_status)));
    else
        rc = asprintf(&cause,
                      "worker gw%u exited with code %d while running this test (os._exit or a "
                      "crash outside Python); a fresh worker ran the remaining tests",
                      worker_index, WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1);
    return rc < 0 ? NULL : cause;
}

void wk_crash_events(const char *node_id, const char *path, const struct wk_item_progress *progress,
                     const char *cause, const char *diagnostics,
                     void (*sink)(void *context, const struct fastest_event *event), void *context)
{
    char *longrepr = NULL;
    if (asprintf(&longrepr, "%s\n%s%s", cause,
                 diagnostics && diagnostics[0] ? "\nLast output of the worker:\n" : "",
                 diagnostics ? diagnostics : "") < 0)
        longrepr = NULL;
    /* pytest's report.location domain: the node id after the file, its
     * "::" as "." ("TestA.test_b[1]"). */
    const char *separator = strstr(node_id, "::");
    char *domain = strdup(separator ? separator + 2 : node_id);
    for (char *p = domain ? strstr(domain, "::") : NULL; p; p = strstr(p, "::"))
        memmove(p, p + 1, strlen(p + 1) + 1), *p = '.';
    double stamp = epoch_now();
    struct fastest_event event = {
        .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
        .node_id = node_id,
        .location_path = path,
        .location_line = -1,
        .location_domain = domain ? domain : node_id,
        .node_kind = "Function",
        .start = stamp,
        .stop = stamp,
    };
    if (!progress->started) {
        event.kind = FASTEST_EVENT_ITEM_START;
        sink(context, &event);
    }
    event.kind = FASTEST_EVENT_TEST_REPORT;
    /* No report yet: the engine holds an item's reports until its phases
     * are over, so which phase was running is not known. The test failed,
     * as pytest-xdist reports a test that took its worker down. */
    if (!progress->setup_reported) {
        event.phase = FASTEST_PHASE_SETUP;
        event.outcome = FASTEST_OUTCOME_PASSED;
        sink(context, &event);
    }
    struct fastest_event failed = event;
    failed.phase = FASTEST_PHASE_NONE;
    failed.outcome = FASTEST_OUTCOME_FAILED;
    failed.longrepr = longrepr ? longrepr : cause;
    failed.crash_path = path;
    failed.crash_line = 0;
    failed.crash_message = cause;
    if (!progress->setup_reported || (progress->setup_passed && !progress->call_reported))
        failed.phase = FASTEST_PHASE_CALL;
    else if (!progress->teardown_reported)
        failed.phase = FASTEST_PHASE_TEARDOWN;
    if (failed.phase != FASTEST_PHASE_NONE)
        sink(context, &failed);
    if (failed.phase == FASTEST_PHASE_CALL) {
        event.phase = FASTEST_PHASE_TEARDOWN;
        event.outcome = FASTEST_OUTCOME_PASSED;
        sink(context, &event);
    }
    event.kind = FASTEST_EVENT_ITEM_FINISH;
    event.phase = FASTEST_PHASE_NONE;
    event.outcome = FASTEST_OUTCOME_NONE;
    sink(context, &event);
    free(longrepr);
    free(domain);
}
