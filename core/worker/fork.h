/* Forking a process that holds a live interpreter, and what a forked
 * worker tells Python about itself. */
#ifndef FT_WORKER_FORK_H
#define FT_WORKER_FORK_H

#include <sys/types.h>

/* fork() with the interpreter told before and after (PyOS_BeforeFork and
 * friends) and stdio flushed first, so that no buffered output is written
 * twice. Must be called with no other threads alive. Returns what fork()
 * returns. */
pid_t wk_fork(void);

struct wk_identity;

/* Makes a freshly forked worker its own: Python's faulthandler writes the
 * traceback of a fatal signal (SIGSEGV, SIGABRT, ...) to diag_fd, and on
 * SIGUSR1 (sent by the parent before it kills a test that ran past
 * --timeout) dumps where the test hangs there too; the environment tells
 * the tests who the worker is, in pytest-xdist's variables
 * (PYTEST_XDIST_WORKER, PYTEST_XDIST_WORKER_COUNT, PYTEST_XDIST_TESTRUNUID:
 * suites read them to share the cores, or to give each worker its own
 * database); and the engine's after_fork() gives it what it shared with
 * the parent (output capture files: their output would mix). engine is
 * the session's engine object (a PyObject *), or NULL. Returns 0 or
 * FASTEST_EPYTHON with *out_error set (free() it). */
int wk_child_python_setup(void *engine, int diag_fd, const struct wk_identity *identity,
                          char **out_error);

/* Flushes Python's sys.stdout and sys.stderr (before _exit). */
void wk_child_flush(void);

#endif
