/* PyCollector's name rules, shared by the module and its classes: which
 * names python_functions / python_classes select, and which bindings can
 * change what pytest collects. */
#include "discovery/collector.h"

#include <string.h>

#include "discovery/pattern.h"

bool disc_matches_function(const struct extractor *ex, const char *name)
{
    return pat_prefix_or_glob(ex->patterns->python_functions, ex->patterns->python_function_count,
                              name);
}

bool disc_matches_class(const struct extractor *ex, const char *name)
{
    return pat_prefix_or_glob(ex->patterns->python_classes, ex->patterns->python_class_count,
                              name);
}

/* A name whose binding changes what pytest collects. */
bool disc_is_relevant_name(const struct extractor *ex, const char *name)
{
    static const char *const special[] = {"pytestmark", "__test__", "collect_ignore",
                                          "collect_ignore_glob", "pytest_generate_tests"};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (strcmp(name, special[i]) == 0)
            return true;
    return disc_matches_function(ex, name) || disc_matches_class(ex, name) ||
           strncmp(name, "test", 4) == 0; /* unittest's prefix */
}
