/* Class inheritance within one module (inheritance.c). Internal to
 * core/discovery/. */
#ifndef FT_DISCOVERY_INHERITANCE_H
#define FT_DISCOVERY_INHERITANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/extractor.h"

/* A class of this module, with what collecting it needs. */
struct class_info {
    const struct binding *entry;
    struct namespace body;
    const struct class_info *bases[8];
    size_t base_count;
    bool unittest;         /* derives from unittest.TestCase */
    bool unknown_base;     /* a base from elsewhere, or keywords */
    bool scanned;
};

/* Fills *info (OUT) for the class bound by entry: its body's namespace and
 * its bases, scanned recursively (depth: how far down, 0 for the class
 * itself). Arena-allocated. */
void disc_scan_class(struct extractor *ex, struct class_info *info, const struct binding *entry,
                     int depth);

/* C3 linearization: see inheritance.c. */
size_t disc_linearize(const struct class_info *info, const struct class_info **out, size_t max);

/* The binding of name in the first of mro[0..count) that binds it, or
 * NULL. */
const struct binding *disc_class_attribute(const struct class_info *const *mro, size_t count,
                                           const char *name);

#endif
