/* conftest.py files: each dir's loaded once, recorded in the plan with its
 * fixtures, and visited from a dir up to rootdir as pytest's closest-first
 * lookups do. */
#include "discovery/conftest.h"

#include <string.h>

#include <fastest/errors.h>

#include "discovery/cached_extract.h"

static void add_fixtures(struct walker *walker, const char *path,
                         const struct disc_module *module)
{
    for (size_t i = 0; i < module->fixture_count; i++) {
        const struct disc_fixture *found = &module->fixtures[i];
        struct plan_fixture fixture = {
            .name = found->name,
            .path = disc_relative(walker, path),
            .class_name = found->class_name,
            .line = found->line,
            .scope = found->scope,
            .autouse = found->autouse,
            .has_params = found->has_params,
            .params_literal = found->params_literal,
        };
        if (plan_add_fixture(walker->plan, &fixture))
            disc_fail(walker, FASTEST_ENOMEM, "out of memory recording fixtures");
    }
}

/* The conftest.py of dir (loaded on first use), or NULL. */
struct disc_module *disc_conftest_of(struct walker *walker, const char *dir)
{
    for (size_t i = 0; i < walker->conftest_count; i++)
        if (strcmp(walker->conftests[i].dir, dir) == 0)
            return walker->conftests[i].module;
    struct conftest *entry = disc_push(walker, (void **)&walker->conftests, &walker->conftest_count,
                                       &walker->conftest_capacity, sizeof *entry);
    if (!entry) {
        disc_fail(walker, FASTEST_ENOMEM, "out of memory loading conftest files");
        return NULL;
    }
    entry->dir = arena_strdup(walker->arena, dir);
    entry->module = NULL;
    char *path = arena_printf(walker->arena, "%s/conftest.py", dir);
    if (!path || !disc_is_file(path))
        return NULL;
    struct disc_module *module = disc_extract_file(walker, path, true);
    /* conftest_of may have grown the vector: find the entry again. */
    walker->conftests[walker->conftest_count - 1].module = module;
    if (module) {
        if (plan_add_conftest(walker->plan, disc_relative(walker, path), module->flags,
                              module->error))
            disc_fail(walker, FASTEST_ENOMEM, "out of memory recording conftest files");
        add_fixtures(walker, path, module);
    }
    return module;
}

/* Calls visit for dir and each ancestor up to rootdir, innermost first,
 * until it returns true. */
bool disc_for_conftests_upward(struct walker *walker, const char *dir,
                               bool (*visit)(struct walker *, const char *, struct disc_module *,
                                             void *),
                               void *context)
{
    char *current = arena_strdup(walker->arena, dir);
    while (current) {
        struct disc_module *module = disc_conftest_of(walker, current);
        if (module && visit(walker, current, module, context))
            return true;
        if (strcmp(current, walker->rootdir) == 0 || strcmp(current, "/") == 0 ||
            strlen(current) < strlen(walker->rootdir))
            break;
        current = disc_parent_of(walker, current);
    }
    return false;
}
