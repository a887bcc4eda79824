/* The bridge to the Python engine (python/fastest/engine): the host-table
 * entries engine_prepare/preload/run/finish. The engine is one
 * fastest.engine.Session object per process, kept in session->engine. */
#ifndef FT_PYTHON_ENGINE_H
#define FT_PYTHON_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include <msgpack.h>

#include <fastest/host.h>

/* See struct fastest_host in sdk/include/fastest/host.h for each contract. */
int pyh_engine_prepare(struct fastest_session *session, char **out_error);
int pyh_engine_preload(struct fastest_session *session, const size_t *items, size_t count,
                       char **out_error);
int pyh_engine_run(struct fastest_session *session, const size_t *items, size_t count,
                   fastest_event_sink sink, void *sink_context, char **out_error);
int pyh_engine_finish(struct fastest_session *session, fastest_event_sink sink,
                      void *sink_context, char **out_error);

/* Tears down everything the items run in this process set up (the last
 * one's deferred teardown, then module and session fixtures), the events
 * going to sink, and leaves the session open: before workers fork from a
 * process that ran items itself, so that theirs are set up afresh.
 * Returns 0, FASTEST_EINTR when an interruption in a teardown stopped the
 * run, or an error with *out_error (free it with free()). */
int pyh_engine_settle(struct fastest_session *session, fastest_event_sink sink, void *sink_context,
                      char **out_error);

/* A worker's way for the engine's events: each event dict is appended to
 * buffer as a wire event frame (python/event_pack.h), then packed is
 * called, item_start telling whether the event was an item's start. */
struct pyh_wire_target {
    msgpack_sbuffer *buffer;
    void (*packed)(void *context, bool item_start);
    void *context;
};

/* pyh_engine_run and pyh_engine_finish, the events going to target. */
int pyh_engine_run_to_wire(struct fastest_session *session, const size_t *items, size_t count,
                           struct pyh_wire_target *target, char **out_error);
int pyh_engine_finish_to_wire(struct fastest_session *session, struct pyh_wire_target *target,
                              char **out_error);

/* Calls engine.before_workers() once in this process before it forks
 * workers: what they all share is made here, where it outlives them (the
 * session's temporary base folder and its lock, as xdist's controller makes
 * them). *out_heard_kinds: the kinds of the workers' events the engine
 * must hear here (pyh_engine_replay), as bits (1 << kind). Returns 0 or an
 * error with *out_error (free it with free()). */
int pyh_engine_before_workers(struct fastest_session *session, uint32_t *out_heard_kinds,
                              char **out_error);

/* An item the engine built by importing its module. Strings are borrowed
 * for the duration of the callback. */
struct pyh_collected_item {
    const char *node_id;
    const char *path;
    const char *node_kind;
    const char *const *marks;
    size_t mark_count;
    const char *const *keywords;
    size_t keyword_count;
    const char *xdist_group; /* the closest xdist_group mark's group, or NULL */
    bool has_timeout_mark; /* a timeout mark sets timeout_mark (seconds, 0: none) */
    double timeout_mark;
    bool shares_fixtures; /* uses a class-, module- or package-scoped fixture */
    bool deselected; /* a pytest_collection_modifyitems hook deselected it */
    bool dropped;    /* such a hook removed it without deselecting it */
};

typedef int (*pyh_item_fn)(void *context, const struct pyh_collected_item *item);

/* Has the engine import the given files (rootdir-relative) and build their
 * items, as pytest collects them; calls visit once per item in collection
 * order (a non-zero return stops and is returned). Starts the engine when
 * needed. The pytest engine collects what the command line names, once,
 * when count is 0. Either engine visits the items a hook deselected after
 * the others, flagged `deselected`, and those one removed silently,
 * flagged `dropped`. Returns
 * 0, FASTEST_EUSAGE for pytest's usage errors (*out_error holds pytest's
 * message), or another error with *out_error (free it with free()). */
int pyh_engine_collect(struct fastest_session *session, const char *const *paths, size_t count,
                       pyh_item_fn visit, void *context, char **out_error);

/* Asks the native engine, once it collected, why its items need the real
 * pytest (engine.pytest_need(): a module collection imported imports
 * `_pytest`; or, with plugin autoload on and a plugin installed, a plugin
 * it does not stand in for, a fixture nothing defines, a coroutine test).
 * *out_reason: malloc'd, or NULL when they do not. Returns 0 or an error
 * with *out_error. */
int pyh_engine_pytest_need(struct fastest_session *session, char **out_reason, char **out_error);

/* The native engine: the session's items once the core's selection (-k,
 * -m, --deselect, --lf, ...) is done, as pytest's session.items holds them
 * when its pytest_collection_finish and later hooks see it; then the
 * conftests' pytest_collection_finish (engine.finish_collection()). The
 * pytest engine ran that hook in its own collection. What they printed,
 * malloc'd in *out_printed (maybe empty), goes after "collected N items".
 * Returns 0 or an error with *out_error. */
int pyh_engine_finish_collection(struct fastest_session *session, char **out_printed,
                                 char **out_error);

/* The pytest engine's header lines (engine.report_header(): pytest's
 * rootdir, configfile and plugins lines and every pytest_report_header
 * hook's), '\n'-separated, malloc'd in *out_lines. Returns 0 or an error
 * with *out_error. */
int pyh_engine_report_header(struct fastest_session *session, char **out_lines, char **out_error);

/* The pytest engine's lines after "collected N items" (its
 * collection_finish_lines(): every pytest_report_collectionfinish hook's,
 * --lf's and --sw's status among them), '\n'-separated, malloc'd in
 * *out_lines. Returns 0 or an error with *out_error. */
int pyh_engine_collection_finish_lines(struct fastest_session *session, char **out_lines,
                                       char **out_error);

/* In a process that did not finish the engine itself (its items ran in
 * workers, or none ran: collection errors, --collect-only):
 * pytest_sessionfinish with the run's exit status and failures (a Ctrl-C
 * left pending here counting as the interruption), as pytest-xdist's
 * controller ends its session, the events it makes going to sink; under
 * the pytest engine the terminal summary kept as pyh_engine_finish keeps
 * it. An exit status a plugin gave the session becomes the run's. Returns
 * 0 or an error with *out_error. */
int pyh_engine_finish_elsewhere(struct fastest_session *session, fastest_event_sink sink,
                                void *sink_context, char **out_error);

/* pytest_unconfigure (engine.unconfigure()), the last hook, once the run's
 * report is out, or after the finish of a worker. Returns 0 or an error
 * with *out_error. */
int pyh_engine_unconfigure(struct fastest_session *session, char **out_error);

/* In the process that forked the workers: a worker's event of a kind the
 * engine hears (pyh_engine_before_workers), heard here as pytest-xdist's
 * controller hears its workers' (engine.replay(): a test report by
 * pytest_runtest_logreport, an item's start and finish by
 * pytest_runtest_logstart and logfinish), so that the session's end
 * (pyh_engine_finish_elsewhere) sees the whole session. Returns 0 or an
 * error with *out_error. */
int pyh_engine_replay(struct fastest_session *session, const struct fastest_event *event,
                      char **out_error);

/* After the engine's finish: what plugins and conftests wrote into
 * pytest's terminal summary (engine.terminal_summary()), malloc'd in
 * *out_text, and in *out_newline_at the byte offset in it where pytest's
 * terminal reporter would end the line it is on, if it is on one (its
 * ensure_newline; -1: nowhere, or the engine's reporter did it). Returns 0
 * or an error with *out_error. */
int pyh_engine_terminal_summary(struct fastest_session *session, char **out_text,
                                long *out_newline_at, char **out_error);

/* Hands every collection event the engine made so far, once each and in
 * the order they happened, to sink: COLLECT_REPORTs (import errors,
 * module-level skips) and WARNINGs. Returns 0 or an error with *out_error (free
 * it with free()). */
int pyh_engine_collection_events(struct fastest_session *session, fastest_event_sink sink,
                                 void *sink_context, char **out_error);

/* Drops the session's engine object. */
void pyh_engine_release(struct fastest_session *session);

#endif
