/* The worker side of the pool: a forked process that runs the batches the
 * parent sends and streams the events back (docs/wire-protocol.md). */
#ifndef FT_WORKER_CHILD_H
#define FT_WORKER_CHILD_H

struct fastest_session;
struct wk_identity;

/* The channels of one worker, from its own side. */
struct wk_child_channels {
    int command_fd; /* run_items frames from the parent; EOF: no more work */
    int event_fd;   /* event frames, a done frame after each batch and after finishing */
    int diag_fd;    /* faulthandler's tracebacks, read by the parent on a crash */
};

/* The worker's whole life, in the forked child: for each run_items frame,
 * host engine_run with events written as frames, then a done frame; at EOF
 * engine_finish, a done frame, and _exit(0). An engine failure is sent as
 * an error frame and ends the worker with _exit(WK_CHILD_ENGINE_FAILED);
 * a broken pipe (the parent is gone) ends it quietly. Never returns. */
_Noreturn void wk_child_main(struct fastest_session *session,
                             const struct wk_child_channels *channels,
                             const struct wk_identity *identity);

#define WK_CHILD_ENGINE_FAILED 70

#endif
