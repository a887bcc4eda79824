/* conftest.py files of a run (conftest.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_CONFTEST_H
#define FT_DISCOVERY_CONFTEST_H

#include <stdbool.h>

#include "discovery/walker.h"

/* The conftest.py of dir (absolute), loaded and recorded in the plan on
 * first use, or NULL when dir has none. Arena-owned. */
struct disc_module *disc_conftest_of(struct walker *walker, const char *dir);

/* Calls visit for dir and each ancestor up to rootdir that has a
 * conftest.py, innermost first, until it returns true; returns whether one
 * did. */
bool disc_for_conftests_upward(struct walker *walker, const char *dir,
                               bool (*visit)(struct walker *, const char *,
                                             struct disc_module *, void *),
                               void *context);

#endif
