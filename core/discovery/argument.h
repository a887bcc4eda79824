/* Command-line arguments and the node ids in them (argument.c). Internal
 * to core/discovery/. */
#ifndef FT_DISCOVERY_ARGUMENT_H
#define FT_DISCOVERY_ARGUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/walker.h"

/* Whether one argument (a path relative to the invocation dir, with
 * optional "::" parts) names an existing file, or a directory without
 * parts; if not, the usage error (pytest's words) goes to disc_fail.
 * pytest checks every argument so before it collects any. */
bool disc_check_argument(struct walker *walker, const char *arg);

/* Collects one checked argument into the plan; when it collects nothing
 * (no test by the names it gives, a file no collector takes) pytest's
 * message goes to disc_miss. */
void disc_collect_argument(struct walker *walker, const char *arg);

/* Whether parts[0..part_count) (the node names after the path) select the
 * item; see argument.c. dynamic: the item's parametrization, and so what
 * its name holds after its function's, is known only at import (the item
 * itself, or a conftest above it, decides it). */
bool disc_matches_parts(const struct disc_item *item, bool dynamic, const char *const *parts,
                        size_t part_count, struct walker *walker);

/* Whether pytest collects the collector ("A::B", NULL for the module) when
 * the argument names parts below the module. */
bool disc_collects(const char *collector, const char *const *parts, size_t part_count);

#endif
