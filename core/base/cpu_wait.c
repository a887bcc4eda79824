#include "base/cpu_wait.h"

#include <stdio.h>

double cpu_wait_seconds(void)
{
    /* "time on a CPU, time waiting on a run queue, timeslices", in ns. */
    FILE *stats = fopen("/proc/thread-self/schedstat", "r");
    if (!stats)
        return 0;
    unsigned long long running, waiting;
    int read = fscanf(stats, "%llu %llu", &running, &waiting);
    fclose(stats);
    return read == 2 ? (double)waiting / 1e9 : 0;
}
