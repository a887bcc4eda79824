/* Fixtures with params, resolved as pytest resolves a fixture name (the
 * module's own, else the closest conftest's): only an import can compute
 * the ids of the items that request them, so those items are dynamic. */
#include "discovery/fixture_params.h"

#include <string.h>

#include "discovery/conftest.h"

struct fixture_query {
    const char *name;
    bool found_params;
    const struct disc_fixture *found;
};

static const struct disc_fixture *find_fixture(const struct disc_module *module,
                                               const char *name)
{
    for (size_t i = module->fixture_count; i-- > 0;)
        if (strcmp(module->fixtures[i].name, name) == 0)
            return &module->fixtures[i];
    return NULL;
}

static bool visit_fixture(struct walker *walker, const char *dir, struct disc_module *module,
                          void *context)
{
    (void)walker, (void)dir;
    struct fixture_query *query = context;
    query->found = find_fixture(module, query->name);
    return query->found != NULL;
}

/* The fixture pytest would resolve for name from a module: the module's
 * own, else the closest conftest's. NULL when none of ours (builtin or a
 * plugin's: those have no params). */
static const struct disc_fixture *resolve_fixture(struct walker *walker, const char *dir,
                                                  const struct disc_module *module,
                                                  const char *name)
{
    const struct disc_fixture *own = find_fixture(module, name);
    if (own)
        return own;
    struct fixture_query query = {.name = name};
    disc_for_conftests_upward(walker, dir, visit_fixture, &query);
    return query.found;
}

/* True when requesting names (transitively) reaches a fixture with params,
 * whose ids only an import can compute. */
bool disc_needs_parametrized_fixture(struct walker *walker, const char *dir,
                                     const struct disc_module *module, const char *const *names,
                                     size_t count, int depth)
{
    if (depth > 32)
        return true;
    for (size_t i = 0; i < count; i++) {
        const struct disc_fixture *fixture = resolve_fixture(walker, dir, module, names[i]);
        if (!fixture)
            continue;
        if (fixture->has_params ||
            disc_needs_parametrized_fixture(walker, dir, module, fixture->argnames,
                                            fixture->argname_count, depth + 1))
            return true;
    }
    return false;
}

bool disc_visit_session_wide(struct walker *walker, const char *dir, struct disc_module *module,
                             void *context)
{
    (void)walker, (void)dir;
    bool *dynamic = context;
    if (module->generates_tests || module->names_parameters)
        *dynamic = true;
    for (size_t i = 0; i < module->fixture_count; i++)
        if (module->fixtures[i].autouse && module->fixtures[i].has_params)
            *dynamic = true;
    return false;
}
