/* Fixtures with params that leave items to import (fixture_params.c).
 * Internal to core/discovery/. */
#ifndef FT_DISCOVERY_FIXTURE_PARAMS_H
#define FT_DISCOVERY_FIXTURE_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/walker.h"

/* True when requesting names[0..count) from module in dir (transitively)
 * reaches a fixture with params. depth: 0 for an item's own requests. */
bool disc_needs_parametrized_fixture(struct walker *walker, const char *dir,
                                     const struct disc_module *module,
                                     const char *const *names, size_t count, int depth);

/* A disc_for_conftests_upward visitor; context is a bool set to true when
 * the conftest may parametrize or name every item below it
 * (pytest_generate_tests, an autouse fixture with params,
 * pytest_make_parametrize_id). Never stops the walk. */
bool disc_visit_session_wide(struct walker *walker, const char *dir, struct disc_module *module,
                             void *context);

#endif
