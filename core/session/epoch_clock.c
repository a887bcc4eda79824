#include "session/epoch_clock.h"

#include <time.h>

double epoch_now(void)
{
    struct timespec clock;
    clock_gettime(CLOCK_REALTIME, &clock);
    return (double)clock.tv_sec + (double)clock.tv_nsec / 1e9;
}
