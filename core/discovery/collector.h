/* What pytest's PyCollector shares between a module and its classes
 * (collector.c): the name rules, and the context a function or class is
 * collected in. Internal to core/discovery/. */
#ifndef FT_DISCOVERY_COLLECTOR_H
#define FT_DISCOVERY_COLLECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "discovery/extractor.h"

/* The context a function is collected in: its classes (inner last) and the
 * marks of those classes and of the module, in iter_markers order. */
struct collect_context {
    const char *class_name; /* "A::B" or NULL */
    const char *const *class_names;
    size_t class_depth;
    const struct mark_ref *outer_marks; /* classes inner to outer, then module */
    size_t outer_mark_count;
    bool generates_tests; /* a class defines pytest_generate_tests */
    bool is_method;
    /* The collector's place in the tree: its warnings' order key (see
     * add_warning in warning.c), and the count of classes it has collected
     * so far. */
    const char *order_key;
    size_t *class_count;
    enum plan_node_kind node_kind;
};

/* True when name matches python_functions / python_classes. */
bool disc_matches_function(const struct extractor *ex, const char *name);
bool disc_matches_class(const struct extractor *ex, const char *name);

/* A name whose binding changes what pytest collects (a conditional one
 * leaves the module to import). */
bool disc_is_relevant_name(const struct extractor *ex, const char *name);

#endif
