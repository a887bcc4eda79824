/* Seconds the calling thread has spent runnable but waiting for a CPU
 * (others' turn): on a loaded machine a stretch of wall time holds some,
 * which an idle machine would not have spent. */
#ifndef FT_BASE_CPU_WAIT_H
#define FT_BASE_CPU_WAIT_H

/* Since the thread started, from the kernel's scheduler statistics; 0
 * where the kernel does not keep them (a difference of two readings is
 * then 0 too). */
double cpu_wait_seconds(void);

#endif
