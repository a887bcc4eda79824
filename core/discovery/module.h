/* Collecting a module (module.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_MODULE_H
#define FT_DISCOVERY_MODULE_H

#include "discovery/extractor.h"

/* Fills ex->module from the syntax tree root of a file without syntax
 * errors: its flags, hooks, fixtures and (unless it is a conftest.py) its
 * items and warnings, unsorted (see disc_sort_warnings). Arena-allocated. */
void disc_collect_module(struct extractor *ex, TSNode root);

#endif
