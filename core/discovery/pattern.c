#include "discovery/pattern.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pat_fnmatch(const char *pattern, const char *name)
{
    /* Without FNM_PATHNAME and FNM_PERIOD, glibc's '*' crosses '/' and
     * matches leading dots, as Python's translate() does. FNM_NOESCAPE:
     * Python has no escape character. */
    return fnmatch(pattern, name, FNM_NOESCAPE) == 0;
}

bool pat_fnmatch_ex(const char *pattern, const char *path)
{
    if (!strchr(pattern, '/')) {
        const char *slash = strrchr(path, '/');
        return pat_fnmatch(pattern, slash ? slash + 1 : path);
    }
    if (path[0] == '/' && pattern[0] != '/') {
        size_t length = strlen(pattern);
        char *anchored = malloc(length + 3);
        if (!anchored)
            return false;
        snprintf(anchored, length + 3, "*/%s", pattern);
        bool matched = pat_fnmatch(anchored, path);
        free(anchored);
        return matched;
    }
    return pat_fnmatch(pattern, path);
}

bool pat_prefix_or_glob(const char *const *options, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++) {
        const char *option = options[i];
        if (strncmp(name, option, strlen(option)) == 0)
            return true;
        if (strpbrk(option, "*?[") && pat_fnmatch(option, name))
            return true;
    }
    return false;
}

bool pat_any_fnmatch_ex(const char *const *patterns, size_t count, const char *path)
{
    for (size_t i = 0; i < count; i++)
        if (pat_fnmatch_ex(patterns[i], path))
            return true;
    return false;
}
