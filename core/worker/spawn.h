/* Starting one worker: its three pipes and the fork from this warm
 * process. */
#ifndef FT_WORKER_SPAWN_H
#define FT_WORKER_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

struct fastest_session;

/* The parent's ends of a worker's pipes. */
struct wk_process {
    pid_t pid;
    int command_fd; /* write: run_items frames; close it to make the worker finish */
    int event_fd;   /* read, non-blocking: event/done/error frames */
    int diag_fd;    /* read, non-blocking: faulthandler output */
};

/* Who a worker is, as pytest-xdist tells its workers: gwINDEX, one of
 * COUNT, in the run RUN_ID (32 hex digits, the same for every worker). */
struct wk_identity {
    unsigned index;
    size_t count;
    const char *run_id;
};

/* Forks a worker that runs wk_child_main as identity. other_fds are the
 * parent's ends of the other workers' pipes: the child closes them, so
 * that each pipe sees EOF when its own worker goes. Returns 0 with *out
 * set, or FASTEST_ECHILD with *out_error set (free() it). */
int wk_spawn(struct fastest_session *session, const struct wk_identity *identity,
             const int *other_fds, size_t other_count, struct wk_process *out /* OUT */,
             char **out_error);

#endif
