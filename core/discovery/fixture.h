/* Fixture definitions (fixture.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_FIXTURE_H
#define FT_DISCOVERY_FIXTURE_H

#include "discovery/extractor.h"
#include "discovery/function.h"

/* Appends to ex->module the fixture that entry defines, whose decorators
 * info holds; class_name is its class, NULL at module level.
 * Arena-allocated. */
void disc_record_fixture(struct extractor *ex, const struct binding *entry,
                         const struct function_info *info, const char *class_name);

#endif
