/* Seconds the calling thread has spent runnable but waiting for a CPU
 * (others' turn): on a loaded machine a stretch of wall time holds some,
 * which an idle machine would not have spent. */
#ifndef FT_BASE_CPU_WAIT_H
#define FT_BASE_CPU_WAIT_H

/* The calling thread's scheduler statistics, kept open: each reading is
 * then one system call (a timed loop reads it between short tests). */
struct cpu_wait {
    int fd; /* -1 where the kernel does not keep them */
};

/* Opens the statistics of the thread that calls it. */
struct cpu_wait cpu_wait_open(void);

/* Seconds that thread has waited since it started; 0 without statistics
 * (a difference of two readings is then 0 too). */
double cpu_wait_seconds(struct cpu_wait wait);

void cpu_wait_close(struct cpu_wait wait);

#endif
