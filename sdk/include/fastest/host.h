/* fastest plugin SDK: the host table.
 *
 * The only way a plugin reaches the host. The host passes it to the plugin's
 * entry point and to every table function; it stays valid while the plugin
 * is loaded. Members are only appended: before calling a member added after
 * ABI 1.0, check FASTEST_HAS_MEMBER(host, struct fastest_host, member).
 *
 * A `struct fastest_session` is one run of fastest: its options, its test
 * plan and its reporters. It is opaque to plugins.
 */
#ifndef FASTEST_HOST_H
#define FASTEST_HOST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "version.h"

struct fastest_session;

enum fastest_log_level {
    FASTEST_LOG_DEBUG = 0,
    FASTEST_LOG_INFO = 1,
    FASTEST_LOG_WARNING = 2,
    FASTEST_LOG_ERROR = 3,
};

/* One selected item of the plan, as a strategy sees it. */
struct fastest_item_info {
    struct fastest_struct_header header;
    const char *node_id;    /* "tests/test_x.py::TestA::test_b[1]" */
    const char *path;       /* rootdir-relative file, '/' separators */
    const char *class_name; /* "TestA", or NULL for module-level functions */
    const char *group;      /* the xdist_group mark's name, or NULL */
    double recorded_duration; /* seconds, from the cache; negative when unknown */
    /* --- appended in ABI 1.1: read with FASTEST_HAS_MEMBER --- */
    /* Non-zero when the item uses a class-, module- or package-scoped
     * fixture: split from its module or class, it would get another
     * instance than pytest gives it. */
    int shares_fixtures;
};

/* Receives the events of items run by host->engine_run. The event and what
 * it points to are borrowed for the duration of the call. */
typedef void (*fastest_event_sink)(void *context, const struct fastest_event *event);

/* --- ABI 1.1 and later --- */

/* What a parallel strategy asks of the host's worker pool (workers_run).
 * items are plan indices; consecutive runs of them form units (a module,
 * a class, an xdist_group, a batch): unit_sizes[u] items each, summing to
 * item_count. A unit goes to one worker, in chunks of at most chunk_items
 * (0: the whole unit in one go), shrinking toward the end of the run so
 * that the workers finish together; with FASTEST_WORKERS_STEAL an idle
 * worker takes the unsent second half of another worker's unit. */
enum fastest_worker_flags {
    FASTEST_WORKERS_STEAL = 1u << 0,
};

struct fastest_worker_plan {
    struct fastest_struct_header header;
    const size_t *items;
    size_t item_count;
    const size_t *unit_sizes;
    size_t unit_count;
    unsigned worker_count; /* >= 1 */
    size_t chunk_items;
    uint32_t flags; /* enum fastest_worker_flags */
};

struct fastest_host {
    struct fastest_struct_header header;
    const char *version; /* fastest's product version */

    /* Memory the plugin hands to the host (error messages) comes from here. */
    void *(*alloc)(size_t size);
    char *(*strdup)(const char *text);
    void (*free)(void *pointer);

    /* A message for the user on stderr, prefixed by the plugin's name. */
    void (*log)(const struct fastest_session *session, int level, const char *format, ...)
        __attribute__((format(printf, 3, 4)));

    /* Options: the last value given for dest (command line over config), or
     * NULL when unset. Switches read "1". The string belongs to the session. */
    const char *(*option)(const struct fastest_session *session, const char *dest);
    /* Every value given for a repeatable option, in order; *out_count is set. */
    const char *const *(*option_values)(const struct fastest_session *session, const char *dest,
                                        size_t *out_count);

    /* The plan: the selected items in run order. */
    size_t (*item_count)(const struct fastest_session *session);
    /* Fills *out (whose header the caller sets) for item index. Strings are
     * owned by the session. Returns FASTEST_EINVAL for an index out of range. */
    int (*item_info)(const struct fastest_session *session, size_t index,
                     struct fastest_item_info *out);
    /* Usable CPU cores (affinity and cgroup limits applied). */
    unsigned (*cpu_count)(void);

    /* The engine, in this process. engine_prepare starts the interpreter and
     * imports the engine and the conftest files; it is idempotent and must
     * run before any fork so that children inherit a warm interpreter.
     * engine_preload additionally imports the modules holding the given
     * items. engine_run runs the given items (indices into the plan, in that
     * order) and hands each event to sink. The teardown of the last item of a
     * call is deferred to the next engine_run or engine_finish (only then is
     * the next item known, and with it which fixtures to keep). It returns 0
     * when the items ran (whatever their outcomes), FASTEST_EINTR when the
     * run must stop (-x, --maxfail, Ctrl-C), or another error with
     * *out_error set (free it with host->free) when the engine itself could
     * not run. */
    int (*engine_prepare)(struct fastest_session *session, char **out_error);
    int (*engine_preload)(struct fastest_session *session, const size_t *items, size_t count,
                          char **out_error);
    int (*engine_run)(struct fastest_session *session, const size_t *items, size_t count,
                      fastest_event_sink sink, void *sink_context, char **out_error);
    /* Ends the engine's work in this process: tears down what is still set
     * up (the last item's teardown, module and session fixtures), sending
     * the resulting events to sink. Call once, after the last engine_run.
     * Under the pytest engine, what plugins and conftests wrote into
     * pytest's terminal summary then becomes the session option
     * "fastest_terminal_summary", for the console, and an exit status a
     * plugin gave pytest's session (pytest-cov's --cov-fail-under, a
     * conftest setting session.exitstatus) becomes the run's. */
    int (*engine_finish)(struct fastest_session *session, fastest_event_sink sink,
                         void *sink_context, char **out_error);

    /* Delivers an event to the session's reporters and records the item's
     * outcome. Strategies call it in the parent process only. */
    void (*emit)(struct fastest_session *session, const struct fastest_event *event);
    /* --- ABI 1.1 and later members are appended below this line --- */

    /* Runs plan->items in forked workers (core/worker): this process
     * prepares the engine and imports the items' modules once, then forks
     * plan->worker_count workers from its warm interpreter (this process
     * stays idle, so it can fork a fresh worker whenever one dies). Every
     * item ends with exactly one outcome: a test that crashes its worker
     * (signal, exit, --timeout) gets an error report naming the cause, and
     * a fresh worker runs the rest. Events reach host->emit item by item,
     * in plan order, whatever the completion order. Returns like
     * engine_run: 0, FASTEST_EINTR (-x, --maxfail), or an error with
     * *out_error set (free it with host->free). The plan is only read. */
    int (*workers_run)(struct fastest_session *session, const struct fastest_worker_plan *plan,
                       char **out_error);
    /* The worker count -n asks for (xdist's meaning: "auto" and "logical"
     * are the usable cores), 0 for -n 0, or -1 when -n was not given. */
    int (*requested_workers)(const struct fastest_session *session);
};

#endif
