/* What collection ignores (ignore.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_IGNORE_H
#define FT_DISCOVERY_IGNORE_H

#include <stdbool.h>

#include "discovery/walker.h"

/* A disc_check_conftest_ignores question: is path in the closest
 * collect_ignore (glob: collect_ignore_glob)? */
struct ignore_query {
    const char *path;
    bool glob;
    bool decided;
    bool ignored;
};

/* A disc_for_conftests_upward visitor; context is a struct ignore_query.
 * Returns true (stop) at the first conftest that defines the list. */
bool disc_check_conftest_ignores(struct walker *walker, const char *dir,
                                 struct disc_module *module, void *context);

/* main.pytest_ignore_collect for path (absolute; a dir when directory). */
bool disc_ignored(struct walker *walker, const char *path, bool directory);

#endif
