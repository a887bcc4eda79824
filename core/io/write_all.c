#include "io/write_all.h"

#include <errno.h>
#include <unistd.h>

int io_write_all(int fd, const void *data, size_t size)
{
    const char *next = data;
    while (size) {
        ssize_t written = write(fd, next, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return -1;
        next += written;
        size -= (size_t)written;
    }
    return 0;
}
