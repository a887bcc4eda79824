/* disc-dump: prints what static discovery and selection make of a suite,
 * in the shape the compatibility test compares with `pytest --co -q`:
 *
 *   <node id>            one line per selected item
 *   DYNAMIC <path>       a module only an import can resolve
 *   # dynamic <path>: <why>
 *   ERROR <path>         a module pytest fails to collect
 *   # selected N deselected M
 *   WARNING <path>\t<line>\t<text>   a collection warning (text with
 *                        "\n" for its newlines), in pytest's order
 *
 * Usage: disc-dump [--cache] [--rootdir DIR] [-k EXPR] [-m EXPR] [--deselect ID]...
 *                  [--ignore PATH]... [--ignore-glob GLOB]... [--testpaths P]...
 *                  [--norecursedirs P]... [--python-files P]...
 *                  [--python-classes P]... [--python-functions P]... [ARGS...]
 * --cache reads and writes the discovery cache (.fastest_cache/).
 * Exit status: 0, or 4 for a usage error (pytest's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "discovery/discover.h"
#include "plan/plan.h"
#include "select/select.h"

struct list {
    const char **values;
    size_t count;
};

static void append(struct list *list, const char *value)
{
    list->values = realloc(list->values, (list->count + 1) * sizeof *list->values);
    if (!list->values) {
        fputs("disc-dump: out of memory\n", stderr);
        exit(3);
    }
    list->values[list->count++] = value;
}

int main(int argc, char **argv)
{
    struct list args = {0}, deselect = {0}, ignore = {0}, ignore_glob = {0}, testpaths = {0},
                norecurse = {0}, files = {0}, classes = {0}, functions = {0};
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return 3;
    struct disc_settings settings = {.rootdir = cwd, .invocation_dir = cwd};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        struct list *target = NULL;
        if (strcmp(arg, "--cache") == 0) {
            settings.use_cache = true;
            continue;
        }
        if (strcmp(arg, "--rootdir") == 0 && value)
            settings.rootdir = value;
        else if (strcmp(arg, "-k") == 0 && value)
            settings.keyword = value;
        else if (strcmp(arg, "-m") == 0 && value)
            settings.markexpr = value;
        else if (strcmp(arg, "--deselect") == 0)
            target = &deselect;
        else if (strcmp(arg, "--ignore") == 0)
            target = &ignore;
        else if (strcmp(arg, "--ignore-glob") == 0)
            target = &ignore_glob;
        else if (strcmp(arg, "--testpaths") == 0)
            target = &testpaths;
        else if (strcmp(arg, "--norecursedirs") == 0)
            target = &norecurse;
        else if (strcmp(arg, "--python-files") == 0)
            target = &files;
        else if (strcmp(arg, "--python-classes") == 0)
            target = &classes;
        else if (strcmp(arg, "--python-functions") == 0)
            target = &functions;
        else {
            append(&args, arg);
            continue;
        }
        if (!value) {
            fprintf(stderr, "disc-dump: %s needs a value\n", arg);
            return 4;
        }
        if (target)
            append(target, value);
        i++;
    }
    settings.args = args.values, settings.arg_count = args.count;
    settings.deselect = deselect.values, settings.deselect_count = deselect.count;
    settings.ignore = ignore.values, settings.ignore_count = ignore.count;
    settings.ignore_glob = ignore_glob.values, settings.ignore_glob_count = ignore_glob.count;
    settings.testpaths = testpaths.values, settings.testpath_count = testpaths.count;
    if (norecurse.count)
        settings.norecursedirs = norecurse.values, settings.norecursedir_count = norecurse.count;
    if (files.count)
        settings.python_files = files.values, settings.python_file_count = files.count;
    if (classes.count)
        settings.python_classes = classes.values, settings.python_class_count = classes.count;
    if (functions.count)
        settings.python_functions = functions.values,
        settings.python_function_count = functions.count;

    struct ft_plan *plan = plan_new();
    char *error = NULL, *misses = NULL;
    int rc = plan ? disc_run(&settings, plan, &misses, &error) : FASTEST_ENOMEM;
    if (rc == 0 && misses) {
        rc = FASTEST_EUSAGE;
        error = misses;
    }
    struct sel_counts counts = {0};
    if (rc == 0)
        rc = sel_apply(&settings, plan, &counts, &error);
    if (rc) {
        fprintf(stderr, "%s%s\n", rc == FASTEST_EUSAGE && strncmp(error, "ERROR", 5) ? "ERROR: " : "",
                error ? error : fastest_strerror(rc));
        free(error);
        plan_free(plan);
        return rc == FASTEST_EUSAGE ? 4 : 3;
    }
    size_t item = 0;
    for (size_t f = 0; f < plan_file_count(plan); f++) {
        const struct plan_file *file = plan_file_at(plan, f);
        size_t items = plan_file_item_count(plan, f);
        if (file->error)
            printf("ERROR %s\n", file->path);
        else if (file->flags & PLAN_FILE_DYNAMIC)
            printf("DYNAMIC %s\n# dynamic %s: %s\n", file->path, file->path,
                   file->dynamic_reason ? file->dynamic_reason : "(no reason recorded)");
        for (size_t i = 0; i < items; i++, item++) {
            const struct plan_item *found = plan_item_at(plan, item);
            if (!(file->flags & PLAN_FILE_DYNAMIC) && !found->deselected)
                printf("%s\n", found->node_id);
        }
    }
    printf("# selected %zu deselected %zu\n", counts.selected, counts.deselected);
    for (size_t i = 0; i < plan_warning_count(plan); i++) {
        const struct plan_warning *warning = plan_warning_at(plan, i);
        printf("WARNING %s\t%d\t", warning->location_path, warning->location_line);
        for (const char *c = warning->warning_message; *c; c++)
            fputs(*c == '\n' ? "\\n" : (char[]){*c, 0}, stdout);
        putchar('\n');
    }
    plan_free(plan);
    free(args.values), free(deselect.values), free(ignore.values), free(ignore_glob.values);
    free(testpaths.values), free(norecurse.values), free(files.values), free(classes.values);
    free(functions.values);
    return 0;
}
