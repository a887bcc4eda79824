/* Command-line arguments: a file, a dir, or a node id
 * ("path::A::b[x]"), resolved as resolve_collection_argument does, and the
 * items and collectors the node names select. */
#include "discovery/argument.h"

#include <string.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "discovery/cached_extract.h"
#include "discovery/conftest.h"
#include "discovery/ignore.h"
#include "discovery/not_found.h"
#include "discovery/plan_module.h"
#include "discovery/walk.h"

/* The node names an argument may hold after its path. */
#define MAX_PARTS 64

/* Does the item's chain of names match the parts of a node id argument
 * (`file.py::TestA::test_b[1]`)? Each part names a node, or a
 * parametrized function by its name before '['. */
bool disc_matches_parts(const struct disc_item *item, bool dynamic, const char *const *parts,
                        size_t part_count, struct walker *walker)
{
    if (!part_count)
        return true;
    size_t depth = 0;
    const char *chain[64];
    if (item->class_name) {
        char *classes = arena_strdup(walker->arena, item->class_name);
        for (char *save = NULL, *name = classes ? strtok_r(classes, ":", &save) : NULL;
             name && depth < 63; name = strtok_r(NULL, ":", &save))
            chain[depth++] = name;
    }
    chain[depth++] = item->name;
    if (part_count > depth)
        return false;
    for (size_t i = 0; i < part_count; i++) {
        const char *name = chain[i];
        if (strcmp(name, parts[i]) == 0)
            continue;
        size_t base = strcspn(name, "[");
        bool last = i + 1 == depth;
        if (last && strlen(parts[i]) == base && strncmp(name, parts[i], base) == 0)
            continue;
        if (last && dynamic &&
            strncmp(parts[i], item->function_name, strlen(item->function_name)) == 0)
            continue;
        return false;
    }
    return part_count == depth || part_count < depth;
}

/* Does pytest collect the collector ("A::B", NULL for the module) when the
 * argument names parts below the module? Only collectors along the parts
 * are: each name must match as far as both go. */
bool disc_collects(const char *collector, const char *const *parts, size_t part_count)
{
    for (size_t i = 0; collector && *collector && i < part_count; i++) {
        size_t length = strcspn(collector, ":");
        if (strlen(parts[i]) != length || strncmp(parts[i], collector, length) != 0)
            return false;
        collector += length;
        if (*collector)
            collector += 2; /* "::" */
    }
    return true;
}

/* A command-line argument as resolve_collection_argument splits it. */
struct argument {
    char *path;        /* absolute, normalized */
    const char *after; /* what follows the first "::" as given, or NULL */
    const char *parts[MAX_PARTS];
    size_t part_count;
};

/* "path::A::b[x]" into the path and parts; false when out of memory. */
static bool split_argument(struct walker *walker, const char *arg, struct argument *out)
{
    *out = (struct argument){0};
    char *copy = arena_strdup(walker->arena, arg);
    if (!copy)
        return false;
    char *bracket = strchr(copy, '[');
    char *path_end = strstr(copy, "::");
    if (bracket && path_end && bracket < path_end)
        path_end = NULL; /* '[' before any '::' belongs to the path */
    if (path_end) {
        out->after = arg + (path_end - copy) + 2;
        *path_end = '\0';
        char *rest = path_end + 2;
        while (rest && out->part_count < MAX_PARTS) {
            char *next = NULL;
            char *separator = strstr(rest, "::");
            char *open = strchr(rest, '[');
            if (separator && !(open && open < separator)) {
                *separator = '\0';
                next = separator + 2;
            }
            out->parts[out->part_count++] = rest;
            rest = next;
        }
    }
    out->path = disc_absolute(walker, walker->invocation_dir, copy);
    return out->path != NULL;
}

bool disc_check_argument(struct walker *walker, const char *arg)
{
    struct argument argument;
    if (!split_argument(walker, arg, &argument)) {
        disc_fail(walker, FASTEST_ENOMEM, "out of memory reading the arguments");
        return false;
    }
    if (disc_is_dir(argument.path)) {
        if (!argument.part_count)
            return true;
        disc_fail(walker, FASTEST_EUSAGE,
                  "directory argument cannot contain :: selection parts: %s", arg);
        return false;
    }
    if (disc_is_file(argument.path))
        return true;
    disc_fail(walker, FASTEST_EUSAGE, "file or directory not found: %s", arg);
    return false;
}

void disc_collect_argument(struct walker *walker, const char *arg)
{
    struct argument argument;
    if (!split_argument(walker, arg, &argument))
        return;
    const char *path = argument.path;
    if (disc_is_dir(path)) {
        disc_for_conftests_upward(walker, path, disc_check_conftest_ignores,
                                  &(struct ignore_query){.path = ""});
        disc_walk_dir(walker, path, NULL);
        return;
    }
    char *dir = disc_parent_of(walker, path);
    if (dir)
        disc_for_conftests_upward(walker, dir, disc_check_conftest_ignores,
                                  &(struct ignore_query){.path = ""});
    const char *name = disc_basename_of(path);
    size_t length = strlen(name);
    if (length < 3 || strcmp(name + length - 3, ".py") != 0) {
        disc_miss(walker, argument.after
                              ? ft_format("found no collectors for %s::%s", path, argument.after)
                              : ft_format("found no collectors for %s", path));
        return;
    }
    struct disc_module *module = disc_extract_file(walker, path, false);
    if (!module)
        return;
    size_t selected = disc_add_module(walker, path, module, argument.parts, argument.part_count);
    if (argument.part_count && !selected && !(module->flags & PLAN_FILE_DYNAMIC) && !module->error)
        disc_miss(walker, disc_not_found_message(walker->rootdir, disc_relative(walker, path),
                                                 argument.after));
}
