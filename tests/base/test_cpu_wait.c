/* cpu_wait: a thread that shares the CPUs with more busy threads than
 * there are CPUs waits, and its readings say so; without the statistics
 * (no descriptor) every reading is 0, so differences are 0 too. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/cpu_wait.h"
#include "base/monotonic_clock.h"

#include "../support/test_assert.h"

static atomic_bool stop;

static void *spin(void *unused)
{
    (void)unused;
    while (!atomic_load(&stop))
        ;
    return NULL;
}

static void spin_for(double seconds)
{
    double until = monotonic_now() + seconds;
    while (monotonic_now() < until)
        ;
}

static void crowded_thread_waits(void)
{
    struct cpu_wait wait = cpu_wait_open();
    if (wait.fd < 0)
        return; /* a kernel without per-thread scheduler statistics */
    double before = cpu_wait_seconds(wait);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t count = (size_t)(cpus > 0 ? cpus : 1) * 3;
    pthread_t *threads = calloc(count, sizeof *threads);
    ASSERT_NOT_NULL(threads);
    for (size_t i = 0; i < count; i++)
        ASSERT_EQ(pthread_create(&threads[i], NULL, spin, NULL), 0);
    /* Runnable for 0.3 s among 3 busy threads a CPU: about three
     * quarters of it waiting; a tenth is asked for. */
    spin_for(0.3);
    atomic_store(&stop, true);
    for (size_t i = 0; i < count; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    double after = cpu_wait_seconds(wait);
    ASSERT_TRUE(after - before >= 0.03);
    ASSERT_TRUE(cpu_wait_seconds(wait) >= after);
    cpu_wait_close(wait);
}

static void no_statistics_read_zero(void)
{
    struct cpu_wait none = {-1};
    ASSERT_TRUE(cpu_wait_seconds(none) == 0);
    cpu_wait_close(none);
}

int main(void)
{
    crowded_thread_waits();
    no_statistics_read_zero();
    return 0;
}
