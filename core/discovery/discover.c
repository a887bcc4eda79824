/* Static discovery's entry: the run's settings with pytest's defaults, the
 * discovery cache opened and committed around the walk, and the arguments
 * walked (or testpaths, or the invocation dir) as pytest 7.2.1's
 * Config.parse and Session.collect take them. */
#include "discovery/discover.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "discovery/argument.h"
#include "discovery/cached_extract.h"
#include "discovery/walker.h"

static const char *const default_python_files[] = {"test_*.py", "*_test.py"};
static const char *const default_python_classes[] = {"Test"};
static const char *const default_python_functions[] = {"test"};
static const char *const default_norecursedirs[] = {"*.egg", ".*", "_darcs", "build", "CVS",
                                                    "dist", "node_modules", "venv", "{arch}"};

int disc_run(const struct disc_settings *settings, struct ft_plan *plan, char **out_misses,
             char **out_error)
{
    *out_error = NULL;
    *out_misses = NULL;
    struct walker walker = {
        .settings = settings,
        .plan = plan,
        .arena = plan_arena(plan),
        .patterns =
            {
                .python_classes = settings->python_classes ? settings->python_classes
                                                           : default_python_classes,
                .python_class_count = settings->python_classes
                                          ? settings->python_class_count
                                          : COUNT_OF(default_python_classes),
                .python_functions = settings->python_functions ? settings->python_functions
                                                               : default_python_functions,
                .python_function_count = settings->python_functions
                                             ? settings->python_function_count
                                             : COUNT_OF(default_python_functions),
            },
        .python_files = settings->python_files ? settings->python_files : default_python_files,
        .python_file_count =
            settings->python_files ? settings->python_file_count : COUNT_OF(default_python_files),
        .norecursedirs = settings->norecursedirs ? settings->norecursedirs : default_norecursedirs,
        .norecursedir_count = settings->norecursedirs ? settings->norecursedir_count
                                                      : COUNT_OF(default_norecursedirs),
    };
    walker.rootdir = disc_absolute(&walker, "/", settings->rootdir);
    walker.invocation_dir = settings->invocation_dir
                                ? disc_absolute(&walker, "/", settings->invocation_dir)
                                : walker.rootdir;
    if (!walker.rootdir || !walker.invocation_dir || disc_open_cache(&walker)) {
        *out_error = strdup("out of memory starting discovery");
        return FASTEST_ENOMEM;
    }
    if (settings->arg_count) {
        for (size_t i = 0; i < settings->arg_count && !walker.rc; i++)
            disc_check_argument(&walker, settings->args[i]);
        for (size_t i = 0; i < settings->arg_count && !walker.rc; i++)
            disc_collect_argument(&walker, settings->args[i]);
    } else {
        /* Config.parse: testpaths (globbed, relative to rootdir) only when
         * invoked from rootdir; else, or when they match nothing, the
         * invocation dir. */
        size_t found = 0;
        if (strcmp(walker.invocation_dir, walker.rootdir) == 0) {
            for (size_t i = 0; i < settings->testpath_count && !walker.rc; i++) {
                char *pattern = disc_absolute(&walker, walker.rootdir, settings->testpaths[i]);
                glob_t matches;
                if (!pattern || glob(pattern, 0, NULL, &matches) != 0)
                    continue;
                for (size_t m = 0; m < matches.gl_pathc && !walker.rc; m++, found++)
                    disc_collect_argument(&walker, matches.gl_pathv[m]);
                globfree(&matches);
            }
        }
        if (!found && !walker.rc)
            disc_collect_argument(&walker, walker.invocation_dir);
    }
    disc_close_cache(&walker);
    free(walker.conftests);
    string_set_free(&walker.walked);
    if (walker.rc) {
        free(walker.misses);
        *out_error = walker.error ? walker.error : strdup(fastest_strerror(walker.rc));
        return walker.rc;
    }
    *out_misses = walker.misses;
    return 0;
}

bool disc_args_from_testpaths(const struct disc_settings *settings)
{
    if (settings->arg_count || !settings->invocation_dir ||
        strcmp(settings->invocation_dir, settings->rootdir) != 0)
        return false;
    bool matched = false;
    for (size_t i = 0; i < settings->testpath_count && !matched; i++) {
        glob_t matches = {0};
        /* Relative patterns glob from the invocation dir, which is rootdir. */
        matched = glob(settings->testpaths[i], 0, NULL, &matches) == 0 && matches.gl_pathc > 0;
        globfree(&matches);
    }
    return matched;
}
