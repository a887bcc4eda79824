/* The cyclic garbage collector paused while the engine builds what lives
 * for the whole run: its modules and initial conftests as it starts, the
 * test modules and items as it collects. Those make tens of thousands of
 * objects and few cycles, and the young generations' passes over them cost
 * ~15% of the time (collecting 5,000 items; ~1 ms of a small run's start).
 * On resuming, everything alive goes to the oldest generation at once
 * (gc.freeze, then gc.unfreeze), which the young generations' next passes
 * do not traverse again; a full pass still collects it. */
#ifndef FT_PYTHON_GC_PAUSE_H
#define FT_PYTHON_GC_PAUSE_H

#include <stdbool.h>

/* Pauses the collector; returns whether it was enabled. */
bool pyh_gc_pause(void);

/* Ages what is alive as above and enables the collector again when it
 * was (pyh_gc_pause's result). Keeps a pending exception. */
void pyh_gc_resume(bool was_enabled);

#endif
