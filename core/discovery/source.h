/* Reading a Python source file for extraction. */
#ifndef FT_DISCOVERY_SOURCE_H
#define FT_DISCOVERY_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Files bigger than this are left to import (flagged dynamic): no test
 * module is this large, and reading one would cost more than importing. */
#define DISC_SOURCE_MAX_BYTES (64u * 1024u * 1024u)

struct disc_source {
    char *text; /* NUL-terminated; malloc'd, free with disc_source_release */
    size_t length;
    int64_t mtime_ns;
    off_t size;
};

/* Reads path. Returns 0, FASTEST_EIO (unreadable), FASTEST_ENOTSUP (over
 * DISC_SOURCE_MAX_BYTES: size is still set) or FASTEST_ENOMEM. */
int disc_source_read(const char *path, struct disc_source *out);
void disc_source_release(struct disc_source *source);

#endif
