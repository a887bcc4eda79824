/* Static discovery: from the run's settings to a test plan in pytest 7.2.1's
 * collection order, without importing user code. */
#ifndef FT_DISCOVERY_DISCOVER_H
#define FT_DISCOVERY_DISCOVER_H

#include <stdbool.h>

#include "discovery/settings.h"
#include "plan/plan.h"

/* Walks the arguments (or testpaths, or the invocation dir), extracts every
 * test module and conftest.py and fills plan (which the caller created and
 * frees). Returns 0; FASTEST_EUSAGE when an argument names nothing (pytest
 * exits 4: "file or directory not found: ARG", "not found: ARG"), or
 * FASTEST_ENOMEM / FASTEST_EINVAL, with *out_error set to a malloc'd
 * message the caller frees. Unreadable files and dirs are no failure. */
int disc_run(const struct disc_settings *settings, struct ft_plan *plan, char **out_error);

/* True when the arguments come from testpaths (pytest's args_source
 * TESTPATHS, which the header names): none given, started in rootdir, and
 * the testpaths patterns match something. */
bool disc_args_from_testpaths(const struct disc_settings *settings);

#endif
