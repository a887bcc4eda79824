#include "base/cpu_wait.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct cpu_wait cpu_wait_open(void)
{
    return (struct cpu_wait){open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)};
}

double cpu_wait_seconds(struct cpu_wait wait)
{
    /* "time on a CPU, time waiting on a run queue, timeslices", in ns. */
    char text[96];
    ssize_t length = wait.fd < 0 ? -1 : pread(wait.fd, text, sizeof text - 1, 0);
    if (length <= 0)
        return 0;
    text[length] = '\0';
    char *end;
    strtoull(text, &end, 10);
    if (end == text)
        return 0;
    return (double)strtoull(end, NULL, 10) / 1e9;
}

void cpu_wait_close(struct cpu_wait wait)
{
    if (wait.fd >= 0)
        close(wait.fd);
}
