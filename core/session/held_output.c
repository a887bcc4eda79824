#include "session/held_output.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

static void close_pair(int fds[2])
{
    for (int i = 0; i < 2; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
        fds[i] = -1;
    }
}

int held_output_start(struct held_output *held)
{
    static const char *const names[] = {"fastest-held-stdout", "fastest-held-stderr"};
    for (int i = 0; i < 2; i++) {
        held->files[i] = memfd_create(names[i], MFD_CLOEXEC);
        held->saved[i] = fcntl(i + 1, F_DUPFD_CLOEXEC, 3);
        if (held->files[i] < 0 || held->saved[i] < 0) {
            int error = errno;
            close_pair(held->files);
            close_pair(held->saved);
            return error;
        }
    }
    for (int i = 0; i < 2; i++)
        dup2(held->files[i], i + 1);
    return 0;
}

void held_output_stop(struct held_output *held)
{
    for (int i = 0; i < 2; i++)
        if (held->saved[i] >= 0)
            dup2(held->saved[i], i + 1);
    close_pair(held->saved);
}

/* Copies file (from its start) to descriptor out. */
static void copy_out(int file, int out)
{
    char buffer[8192];
    ssize_t got;
    off_t offset = 0;
    while ((got = pread(file, buffer, sizeof buffer, offset)) > 0) {
        offset += got;
        for (ssize_t done = 0; done < got;) {
            ssize_t put = write(out, buffer + done, (size_t)(got - done));
            if (put < 0 && errno == EINTR)
                continue;
            if (put <= 0)
                return;
            done += put;
        }
    }
}

void held_output_write(struct held_output *held)
{
    for (int i = 0; i < 2; i++)
        if (held->files[i] >= 0)
            copy_out(held->files[i], i + 1);
    close_pair(held->files);
}
