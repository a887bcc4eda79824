/* PytestCollectionWarnings of the static extractor (warning.c). Internal
 * to core/discovery/. */
#ifndef FT_DISCOVERY_WARNING_H
#define FT_DISCOVERY_WARNING_H

#include "discovery/collector.h"
#include "discovery/extractor.h"

/* Class.collect's warning for a class with a constructor ("__init__" or
 * "__new__"); parent_class is the enclosing class chain, NULL at module
 * level; order_key as for the collector that warns (see warning.c). */
void disc_add_class_warning(struct extractor *ex, const struct binding *entry,
                            const char *constructor, const char *parent_class,
                            const char *order_key);

/* A yield test's warning, and the xfail mark pytest adds to its item
 * (arena-allocated). */
struct mark_ref disc_add_yield_warning(struct extractor *ex, const struct binding *entry,
                                       const struct collect_context *context);

/* Puts ex->module's warnings into pytest's emission order. Call once, after
 * the module is collected. */
void disc_sort_warnings(struct extractor *ex);

#endif
