/* main.pytest_ignore_collect: conftest collect_ignore and
 * collect_ignore_glob, --ignore, --ignore-glob, and virtualenvs. */
#include "discovery/ignore.h"

#include <string.h>
#include <sys/stat.h>

#include "discovery/conftest.h"
#include "discovery/pattern.h"

/* _getconftest_pathlist: the closest conftest defining the list decides. */
bool disc_check_conftest_ignores(struct walker *walker, const char *dir, struct disc_module *module,
                                 void *context)
{
    struct ignore_query *query = context;
    const char *const *list = query->glob ? module->collect_ignore_glob : module->collect_ignore;
    size_t count = query->glob ? module->collect_ignore_glob_count : module->collect_ignore_count;
    if (!list && !module->collect_ignore_dynamic)
        return false;
    for (size_t i = 0; i < count; i++) {
        char *entry = disc_absolute(walker, dir, list[i]);
        if (entry && (query->glob ? pat_fnmatch(entry, query->path)
                                  : strcmp(entry, query->path) == 0))
            query->ignored = true;
    }
    query->decided = true;
    return true;
}

static bool in_virtualenv(struct walker *walker, const char *dir)
{
    static const char *const activates[] = {"activate", "activate.csh", "activate.fish",
                                            "Activate", "Activate.bat", "Activate.ps1"};
    for (size_t i = 0; i < COUNT_OF(activates); i++) {
        char *script = arena_printf(walker->arena, "%s/bin/%s", dir, activates[i]);
        struct stat info;
        if (script && lstat(script, &info) == 0)
            return true;
    }
    return false;
}

/* Whether a conftest.py above path lists it in collect_ignore (or, with
 * glob, matches it in collect_ignore_glob). */
static bool ignored_by_conftests(struct walker *walker, const char *parent, const char *path,
                                 bool glob)
{
    struct ignore_query query = {.path = path, .glob = glob};
    if (parent)
        disc_for_conftests_upward(walker, parent, disc_check_conftest_ignores, &query);
    return query.ignored;
}

/* main.pytest_ignore_collect for path (a file or a dir). */
bool disc_ignored(struct walker *walker, const char *path, bool directory)
{
    const struct disc_settings *settings = walker->settings;
    char *parent = disc_parent_of(walker, path);
    if (ignored_by_conftests(walker, parent, path, false))
        return true;
    for (size_t i = 0; i < settings->ignore_count; i++) {
        char *entry = disc_absolute(walker, walker->invocation_dir, settings->ignore[i]);
        if (entry && strcmp(entry, path) == 0)
            return true;
    }
    if (ignored_by_conftests(walker, parent, path, true))
        return true;
    for (size_t i = 0; i < settings->ignore_glob_count; i++) {
        char *glob = disc_absolute(walker, walker->invocation_dir, settings->ignore_glob[i]);
        if (glob && pat_fnmatch(glob, path))
            return true;
    }
    return directory && in_virtualenv(walker, path);
}
