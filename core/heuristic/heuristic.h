/* Picks the execution strategy for the suite at hand, and says why. */
#ifndef FT_HEURISTIC_H
#define FT_HEURISTIC_H

#include <stdbool.h>
#include <stddef.h>

#include "plugin/loader.h"

struct fastest_session;

struct heur_choice {
    const struct ft_plugin *strategy; /* NULL when none could be chosen */
    char reason[256];                 /* for the header and --explain */
    /* Nothing tells what the items cost: the worker pool times the first
     * ones in this process before it forks (wk_run). */
    bool measure_first;
};

/* Chooses from the loaded strategy plugins: `--strategy NAME` when given
 * (an unknown name leaves strategy NULL, with the reason naming the loaded
 * ones), else the heuristic's pick for the session's items. */
struct heur_choice heur_choose(const struct fastest_session *session);

/* Whether count items that take in_process_seconds in this process (the
 * engine's own time included) would end sooner on that many workers. */
bool heur_workers_pay_off(double in_process_seconds, size_t count, unsigned workers);

#endif
