#include "cache/directory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fastest/errors.h>

static const char gitignore[] = "# Created by fastest automatically.\n*\n";
/* https://bford.info/cachedir/: the signature is fixed by the spec. */
static const char cachedir_tag[] = "Signature: 8a477f597d28d172789f06886806bc55\n"
                                   "# This file is a cache directory tag created by fastest.\n"
                                   "# For information about cache directory tags, see:\n"
                                   "#\thttps://bford.info/cachedir/spec.html\n";

/* mkdir -p; EEXIST (also from a concurrent run) is success. */
static int make_dirs(char *path)
{
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int rc = mkdir(path, 0777);
        *slash = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

static void write_small_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return; /* there already, or a concurrent run wrote it */
    size_t length = strlen(text);
    if (write(fd, text, length) != (ssize_t)length)
        unlink(path);
    close(fd);
}

int cache_dir_ensure(const char *dir, char **out_error)
{
    *out_error = NULL;
    struct stat info;
    if (stat(dir, &info) == 0 && S_ISDIR(info.st_mode))
        return 0;
    char *copy = strdup(dir);
    if (!copy)
        return FASTEST_ENOMEM;
    int rc = make_dirs(copy);
    int saved = errno;
    free(copy);
    if (rc != 0) {
        if (asprintf(out_error, "could not create cache path %s: %s", dir, strerror(saved)) < 0)
            *out_error = NULL;
        return FASTEST_EIO;
    }
    write_small_file(dir, ".gitignore", gitignore);
    write_small_file(dir, "CACHEDIR.TAG", cachedir_tag);
    return 0;
}
