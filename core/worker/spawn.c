#include "worker/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "worker/child.h"
#include "worker/fork.h"

static void close_pair(int pair[2])
{
    if (pair[0] >= 0)
        close(pair[0]);
    if (pair[1] >= 0)
        close(pair[1]);
}

static int fail(char **out_error, const char *what)
{
    if (asprintf(out_error,
                 "cannot start a worker process: %s failed (%s); check the process "
                 "and file descriptor limits (ulimit -u, ulimit -n)",
                 what, strerror(errno)) < 0)
        *out_error = NULL;
    return FASTEST_ECHILD;
}

int wk_spawn(struct fastest_session *session, const struct wk_identity *identity,
             const int *other_fds, size_t other_count, struct wk_process *out, char **out_error)
{
    *out_error = NULL;
    int command[2] = {-1, -1}, events[2] = {-1, -1}, diag[2] = {-1, -1};
    if (pipe(command) < 0 || pipe(events) < 0 || pipe(diag) < 0) {
        int rc = fail(out_error, "pipe()");
        close_pair(command);
        close_pair(events);
        close_pair(diag);
        return rc;
    }
    pid_t pid = wk_fork();
    if (pid < 0) {
        int rc = fail(out_error, "fork()");
        close_pair(command);
        close_pair(events);
        close_pair(diag);
        return rc;
    }
    if (pid == 0) {
        for (size_t i = 0; i < other_count; i++)
            if (other_fds[i] >= 0)
                close(other_fds[i]);
        close(command[1]);
        close(events[0]);
        close(diag[0]);
        struct wk_child_channels channels = {command[0], events[1], diag[1]};
        wk_child_main(session, &channels, identity);
    }
    close(command[0]);
    close(events[1]);
    close(diag[1]);
    fcntl(events[0], F_SETFL, O_NONBLOCK);
    fcntl(diag[0], F_SETFL, O_NONBLOCK);
    *out = (struct wk_process){pid, command[1], events[0], diag[0]};
    return 0;
}
