#include "discovery/source.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fastest/errors.h>

int disc_source_read(const char *path, struct disc_source *out)
{
    out->text = NULL;
    out->length = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return FASTEST_EIO;
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        close(fd);
        return FASTEST_EIO;
    }
    out->size = info.st_size;
    out->mtime_ns = (int64_t)info.st_mtim.tv_sec * 1000000000 + info.st_mtim.tv_nsec;
    if ((uint64_t)info.st_size > DISC_SOURCE_MAX_BYTES) {
        close(fd);
        return FASTEST_ENOTSUP;
    }
    size_t capacity = (size_t)info.st_size;
    char *text = malloc(capacity + 1);
    if (!text) {
        close(fd);
        return FASTEST_ENOMEM;
    }
    size_t used = 0;
    for (;;) {
        if (used == capacity) { /* the file grew while we read it */
            if (capacity >= DISC_SOURCE_MAX_BYTES)
                break;
            char *bigger = realloc(text, capacity * 2 + 4096 + 1);
            if (!bigger) {
                free(text);
                close(fd);
                return FASTEST_ENOMEM;
            }
            text = bigger;
            capacity = capacity * 2 + 4096;
        }
        ssize_t got = read(fd, text + used, capacity - used);
        if (got < 0) {
            free(text);
            close(fd);
            return FASTEST_EIO;
        }
        if (got == 0)
            break;
        used += (size_t)got;
    }
    close(fd);
    text[used] = '\0';
    out->text = text;
    out->length = used;
    return 0;
}

void disc_source_release(struct disc_source *source)
{
    free(source->text);
    source->text = NULL;
}
