/* Collecting a class (class.c). Internal to core/discovery/. */
#ifndef FT_DISCOVERY_CLASS_H
#define FT_DISCOVERY_CLASS_H

#include "discovery/collector.h"
#include "discovery/extractor.h"

/* Appends to ex->module the items, fixtures and warnings of the class bound
 * by entry, collected inside outer; parent_class is the enclosing class
 * chain ("A::B"), NULL at module level. What it cannot decide marks the
 * module dynamic. Arena-allocated. */
void disc_collect_class(struct extractor *ex, const struct binding *entry,
                        const struct collect_context *outer, const char *parent_class);

#endif
