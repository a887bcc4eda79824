#include "heuristic/page_fault_cost.h"

#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/monotonic_clock.h"

#define ROUNDS 2
#define PAGES_PER_ROUND 32
/* When no memory can be mapped to measure with: a virtual machine's. */
#define FALLBACK_SECONDS 2e-6

/* The first write to each page of a fresh mapping faults once; a timer
 * interrupt inside a round makes it slower, never faster. */
static double round_seconds_per_page(size_t page)
{
    size_t size = page * PAGES_PER_ROUND;
    volatile unsigned char *area =
        mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED)
        return FALLBACK_SECONDS;
    double started = monotonic_now();
    for (size_t i = 0; i < PAGES_PER_ROUND; i++)
        area[i * page] = 1;
    double elapsed = monotonic_now() - started;
    munmap((void *)area, size);
    return elapsed / PAGES_PER_ROUND;
}

double heur_page_fault_seconds(void)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return FALLBACK_SECONDS;
    double cheapest = round_seconds_per_page((size_t)page);
    for (int round = 1; round < ROUNDS; round++) {
        double seconds = round_seconds_per_page((size_t)page);
        if (seconds < cheapest)
            cheapest = seconds;
    }
    return cheapest;
}
