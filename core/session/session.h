/* One run of fastest: its options, the selected items, the loaded plugins,
 * the open reporters and the tally of outcomes that decides the exit code.
 * This is the `struct fastest_session` that plugins see as opaque. */
#ifndef FT_SESSION_H
#define FT_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include <fastest/host.h>

#include "options/options.h"
#include "plugin/loader.h"
#include "session/held_output.h"

/* An item as the session keeps it: what strategies may ask about. */
struct ft_session_item {
    char *node_id;
    char *path;
    char *class_name; /* NULL for module-level functions */
    char *group;      /* xdist_group, or NULL */
    bool has_timeout_mark; /* its timeout mark's seconds (0: none) win over --timeout */
    double timeout_mark;
    bool shares_fixtures; /* a class-, module- or package-scoped fixture */
    const char *node_kind; /* "Function", "TestCaseFunction": static strings */
    double recorded_duration;
};

struct ft_open_reporter {
    const struct ft_plugin *plugin;
    const struct fastest_reporter *table;
    void *state;
};

/* What the events said so far; the exit code is derived from it. */
struct ft_tally {
    size_t failed;   /* items with a failed call */
    size_t errors;   /* failed setup/teardown reports and collection errors */
    size_t reported; /* items that finished */
    bool interrupted;    /* Ctrl-C, or stopped by collection errors */
    bool internal_error; /* fastest itself failed (a strategy, the engine) */
    bool usage_error;    /* bad input found once the session started (-k) */
    /* pytest.exit(returncode=N) stopped the run: N is the exit code. */
    bool exit_requested;
    int requested_exit_status;
    /* pytest's session ended with another exit status than the events
     * give, a plugin's doing (pytest-cov under --cov-fail-under, a
     * conftest's pytest_sessionfinish setting session.exitstatus): that
     * one, as pytest.main returns it. */
    bool session_status_set;
    int session_status;
};

struct fastest_session {
    struct ft_options *options; /* command line, addopts merged; dest -> values */
    struct ft_options *ini;     /* the pytest config file's values; key -> values */
    struct ft_options *fastest_config; /* fastest's own config keys, by option dest */
    char *rootdir;              /* absolute */
    char *inifile;              /* absolute, or NULL */
    struct ft_plugin_set plugins;
    struct ft_session_item *items; /* selected, in run order */
    size_t item_count, item_capacity;
    size_t deselected_count;
    size_t dropped_count; /* removed by a collection hook, not deselected */
    struct ft_open_reporter *reporters;
    size_t reporter_count;
    struct ft_tally tally;
    void *engine; /* the engine's Python Session object (a PyObject *), or NULL */
    /* When the engine's session started (epoch seconds; 0 before): where
     * pytest's starts its clock, pytest_sessionstart, after its
     * configuration and initial conftests. */
    double engine_started;
    bool engine_finished; /* this process ended the engine's session */
    /* What collection wrote past its capture, until the header is out. */
    struct held_output collection_output;
    /* Sees every event before the tally and the reporters (what a run
     * records for the next one: core/run/record.c), or NULL. observer is
     * its state, owned by whoever set observe. */
    void (*observe)(void *observer, struct fastest_session *session,
                    const struct fastest_event *event);
    void *observer;
};

/* The host table handed to every plugin. Static storage. */
const struct fastest_host *session_host(void);

/* A new empty session (options and ini stores allocated), or NULL. */
struct fastest_session *session_new(void);

/* Releases everything the session owns, after closing its reporters and
 * unloading its plugins. */
void session_free(struct fastest_session *session);

/* Appends a copy of item (its strings are copied, but node_kind, which
 * must be a static string). Returns 0 or FASTEST_ENOMEM. */
int session_add_item(struct fastest_session *session, const struct ft_session_item *item);

/* Keeps the items at indexes (each at most once), in that order, and
 * frees the others: selection and reordering after collection (--lf,
 * --ff, --nf, --sw). Returns 0 or FASTEST_ENOMEM (items unchanged). */
int session_keep_items(struct fastest_session *session, const size_t *indexes, size_t count);

/* Opens every loaded reporter plugin. A reporter that fails to open ends
 * the setup: returns its error code with *out_error set (malloc'd, the
 * caller frees it) after closing those already open. */
int session_open_reporters(struct fastest_session *session, char **out_error);

/* Closes the open reporters (after SESSION_FINISH). Errors are printed on
 * stderr; returns the first error code, or 0. */
int session_close_reporters(struct fastest_session *session);

/* Records the event in the tally and hands it to every open reporter. */
void session_emit(struct fastest_session *session, const struct fastest_event *event);

/* session_emit as a fastest_event_sink, its context the session: for the
 * engine's events in the process that reports them. */
void session_emit_sink(void *session, const struct fastest_event *event);

/* pytest's exit code for what the tally says. */
int session_exit_status(const struct fastest_session *session);

#endif
