#include "session/held_output.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/write_all.h"

static void close_files(struct held_output *held)
{
    for (int i = 0; i < 2; i++) {
        if (held->files[i] >= 0)
            close(held->files[i]);
        held->files[i] = -1;
    }
}

/* Remembers what fd is and points it at file. */
static int divert(struct held_output *held, int fd, int file)
{
    int backup = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (backup < 0)
        return errno;
    held->diverted[held->diverted_count].fd = fd;
    held->diverted[held->diverted_count++].backup = backup;
    return dup2(file, fd) < 0 ? errno : 0;
}

int held_output_start(struct held_output *held, const struct held_output_copy *copies,
                      size_t copy_count)
{
    static const char *const names[] = {"fastest-held-stdout", "fastest-held-stderr"};
    if (copy_count > HELD_OUTPUT_MAX_DIVERTED - 2)
        return EINVAL;
    held->diverted_count = 0;
    int error = 0;
    for (int i = 0; i < 2 && !error; i++)
        if ((held->files[i] = memfd_create(names[i], MFD_CLOEXEC)) < 0)
            error = errno;
    for (int i = 0; i < 2 && !error; i++)
        error = divert(held, i + 1, held->files[i]);
    for (size_t i = 0; i < copy_count && !error; i++)
        if (copies[i].stream == 1 || copies[i].stream == 2)
            error = divert(held, copies[i].fd, held->files[copies[i].stream - 1]);
    if (error) {
        held_output_stop(held);
        close_files(held);
    }
    return error;
}

void held_output_stop(struct held_output *held)
{
    for (size_t i = held->diverted_count; i-- > 0;) {
        dup2(held->diverted[i].backup, held->diverted[i].fd);
        close(held->diverted[i].backup);
    }
    held->diverted_count = 0;
}

/* Copies file (from its start) to descriptor out. */
static void copy_out(int file, int out)
{
    char buffer[8192];
    ssize_t got;
    off_t offset = 0;
    while ((got = pread(file, buffer, sizeof buffer, offset)) > 0 &&
           io_write_all(out, buffer, (size_t)got) == 0)
        offset += got;
}

void held_output_write(struct held_output *held)
{
    for (int i = 0; i < 2; i++)
        if (held->files[i] >= 0)
            copy_out(held->files[i], i + 1);
    close_files(held);
}
