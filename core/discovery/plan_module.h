/* A module into the plan (plan_module.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_PLAN_MODULE_H
#define FT_DISCOVERY_PLAN_MODULE_H

#include <stddef.h>

#include "discovery/walker.h"

/* Adds the module at path (absolute), its warnings and the items that
 * parts[0..part_count) select (all when part_count is 0) to the plan.
 * Returns the number of items selected; out of memory goes to disc_fail. */
size_t disc_add_module(struct walker *walker, const char *path, const struct disc_module *module,
                       const char *const *parts, size_t part_count);

#endif
