/* The walker's helpers: its vectors, its first failure, the arguments
 * that collect nothing, and paths as
 * pytest's collection compares them (absolute and normalized, or relative
 * to rootdir). */
#include "discovery/walker.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "base/vector.h"
#include "discovery/not_found.h"

void *disc_push(struct walker *walker, void **array, size_t *count, size_t *capacity, size_t size)
{
    if (vector_reserve(array, capacity, *count + 1, size))
        return NULL;
    (void)walker;
    return (char *)*array + (*count)++ * size;
}

void disc_fail(struct walker *walker, int rc, const char *format, ...)
{
    if (walker->rc)
        return;
    walker->rc = rc;
    va_list args;
    va_start(args, format);
    if (vasprintf(&walker->error, format, args) < 0)
        walker->error = NULL;
    va_end(args);
}

void disc_miss(struct walker *walker, char *message)
{
    bool out_of_memory = !message;
    walker->misses = disc_add_miss(walker->misses, message);
    if (out_of_memory || !walker->misses)
        disc_fail(walker, FASTEST_ENOMEM, "out of memory");
}

/* Absolute, normalized ("." and ".." folded) form of path relative to base.
 * Arena-owned. */
char *disc_absolute(struct walker *walker, const char *base, const char *path)
{
    char *joined = path[0] == '/' ? arena_strdup(walker->arena, path)
                                  : arena_printf(walker->arena, "%s/%s", base, path);
    if (!joined)
        return NULL;
    char *out = arena_alloc(walker->arena, strlen(joined) + 2);
    if (!out)
        return NULL;
    size_t used = 0;
    for (char *part = strtok(joined, "/"); part; part = strtok(NULL, "/")) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (used > 0 && out[used - 1] != '/')
                used--;
            if (used > 0)
                used--;
            continue;
        }
        out[used++] = '/';
        size_t length = strlen(part);
        memcpy(out + used, part, length);
        used += length;
    }
    if (used == 0)
        out[used++] = '/';
    out[used] = '\0';
    return out;
}

/* path relative to rootdir ("" for rootdir itself); paths outside rootdir
 * stay absolute. */
const char *disc_relative(const struct walker *walker, const char *path)
{
    size_t length = strlen(walker->rootdir);
    if (strcmp(walker->rootdir, "/") == 0)
        return path + 1;
    if (strncmp(path, walker->rootdir, length) == 0 && (path[length] == '/' || !path[length]))
        return path[length] ? path + length + 1 : path + length;
    return path;
}

char *disc_parent_of(struct walker *walker, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return arena_strdup(walker->arena, "/");
    return arena_strndup(walker->arena, path, (size_t)(slash - path));
}

const char *disc_basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool disc_is_file(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

bool disc_is_dir(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}
