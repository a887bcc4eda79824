/* Static discovery: from the run's settings to a test plan in pytest 7.2.1's
 * collection order, without importing user code. */
#ifndef FT_DISCOVERY_DISCOVER_H
#define FT_DISCOVERY_DISCOVER_H

#include <stdbool.h>

#include "discovery/settings.h"
#include "plan/plan.h"

/* Walks the arguments (or testpaths, or the invocation dir), extracts every
 * test module and conftest.py and fills plan (which the caller created and
 * frees). Arguments that collect nothing ("not found: ...", "found no
 * collectors for ...") leave pytest's usage error in *out_misses
 * (malloc'd, or NULL): pytest collects what the others name, then fails
 * (exit 4). Returns 0; FASTEST_EUSAGE when an argument names no file, or
 * a directory with node names (pytest's error before any collection:
 * "file or directory not found: ARG"), or FASTEST_ENOMEM /
 * FASTEST_EINVAL, with *out_error set to a malloc'd message the caller
 * frees. Unreadable files and dirs are no failure. */
int disc_run(const struct disc_settings *settings, struct ft_plan *plan, char **out_misses,
             char **out_error);

/* True when the arguments come from testpaths (pytest's args_source
 * TESTPATHS, which the header names): none given, started in rootdir, and
 * the testpaths patterns match something. */
bool disc_args_from_testpaths(const struct disc_settings *settings);

#endif
