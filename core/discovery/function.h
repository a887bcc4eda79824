/* Functions and their items (function.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_FUNCTION_H
#define FT_DISCOVERY_FUNCTION_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/collector.h"
#include "discovery/extractor.h"

/* What a def's decorators say (disc_read_decorators). */
struct function_info {
    struct mark_list marks; /* pytestmark order: bottom decorator first */
    bool is_fixture, is_staticmethod, is_classmethod, is_property, unknown_decorator;
    TSNode fixture_call; /* the fixture decorator, for its arguments */
    size_t patch_count;
    int line;
};

/* Fills *info (OUT) from the decorators of outer (a decorated_definition,
 * or the bare definition). Marks are arena-allocated. */
void disc_read_decorators(struct extractor *ex, TSNode outer, struct function_info *info);

/* getfuncargnames for definition: see function.c. Returns an
 * arena-allocated array of *out_count (OUT) names, NULL when out of
 * memory. */
const char **disc_argnames_of(struct extractor *ex, TSNode definition, bool drop_first,
                              size_t skip, size_t *out_count);

/* Appends to ex->module the items of the function bound by entry,
 * collected in context (one per callspec, or one plain item, or a dynamic
 * placeholder). Arena-allocated. */
void disc_collect_function(struct extractor *ex, const struct binding *entry,
                           const struct collect_context *context);

#endif
