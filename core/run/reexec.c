#include "run/reexec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int run_exec(const char *const *head, size_t head_count, const char *const *args, size_t count,
             const char *tail)
{
    const char **argv = calloc(head_count + count + 2, sizeof(*argv));
    if (!argv)
        return ENOMEM;
    memcpy(argv, head, head_count * sizeof(*head));
    memcpy(argv + head_count, args, count * sizeof(*args));
    argv[head_count + count] = tail;
    fflush(stdout);
    fflush(stderr);
    execv(argv[0], (char *const *)argv);
    int error = errno;
    free(argv);
    return error;
}
