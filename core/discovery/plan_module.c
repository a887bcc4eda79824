/* A module into the plan: its file, its collection warnings as pytest words
 * them, and its items with the node names -k sees, dynamic where a
 * conftest or a fixture with params leaves them to import. */
#include "discovery/plan_module.h"

#include <string.h>

#include <fastest/errors.h>

#include "discovery/argument.h"
#include "discovery/conftest.h"
#include "discovery/fixture_params.h"

/* The "::" before the last name of a class chain ("A::B" -> "::B"), or
 * NULL for a single name. */
static const char *strrstr_sep(const char *chain)
{
    const char *last = NULL;
    for (const char *at = strstr(chain, "::"); at; at = strstr(at + 2, "::"))
        last = at;
    return last;
}

/* A collection warning as pytest words it (Node.warn + formatwarning). */
static void add_warning(struct walker *walker, const char *path, size_t file_index,
                        const struct disc_warning *found)
{
    const char *rel = disc_relative(walker, path);
    const char *message = found->message;
    if (found->kind == DISC_WARNING_CLASS) {
        /* Class.collect says "(from: <parent's node id>)". */
        const char *last = found->collector ? strrstr_sep(found->collector) : NULL;
        message = last ? arena_printf(walker->arena, "%s (from: %s::%.*s)", message, rel,
                                      (int)(last - found->collector), found->collector)
                       : arena_printf(walker->arena, "%s (from: %s)", message, rel);
    }
    struct plan_warning warning = {
        .location_path = found->kind == DISC_WARNING_CLASS ? path : rel,
        .location_line = found->line + 1,
        .category = "PytestCollectionWarning",
        .file_index = file_index,
    };
    if (message)
        warning.warning_message =
            found->source_line && *found->source_line
                ? arena_printf(walker->arena, "%s:%d: %s: %s\n  %s\n", warning.location_path,
                               warning.location_line, warning.category, message,
                               found->source_line)
                : arena_printf(walker->arena, "%s:%d: %s: %s\n", warning.location_path,
                               warning.location_line, warning.category, message);
    if (!warning.warning_message || plan_add_warning(walker->plan, &warning))
        disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
}

/* Adds a module and its items to the plan. Returns the number of items
 * the parts selected. */
size_t disc_add_module(struct walker *walker, const char *path, const struct disc_module *module,
                       const char *const *parts, size_t part_count)
{
    char *dir = disc_parent_of(walker, path);
    const char *rel = disc_relative(walker, path);
    size_t file_index;
    if (!dir || plan_add_file(walker->plan, rel, module->flags, module->error, &file_index)) {
        disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
        return 0;
    }
    if ((module->flags & PLAN_FILE_DYNAMIC) &&
        plan_set_file_dynamic(walker->plan, file_index, module->dynamic_reason))
        disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
    if (part_count) {
        char *selector = arena_strdup(walker->arena, parts[0]);
        for (size_t i = 1; selector && i < part_count; i++)
            selector = arena_printf(walker->arena, "%s::%s", selector, parts[i]);
        if (!selector || plan_set_file_selector(walker->plan, file_index, selector))
            disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
    }
    for (size_t i = 0; i < module->warning_count; i++)
        if (disc_collects(module->warnings[i].collector, parts, part_count))
            add_warning(walker, path, file_index, &module->warnings[i]);
    bool session_dynamic = module->generates_tests;
    disc_for_conftests_upward(walker, dir, disc_visit_session_wide, &session_dynamic);
    for (size_t i = 0; i < module->fixture_count && !session_dynamic; i++)
        session_dynamic = module->fixtures[i].autouse && module->fixtures[i].has_params;

    /* Node names up the chain for -k: the package (a dir with __init__.py)
     * and the module, named relative to its parent collector. */
    char *init = arena_printf(walker->arena, "%s/__init__.py", dir);
    bool in_package = init && disc_is_file(init);
    const char *package_name = in_package ? disc_basename_of(dir) : NULL;
    const char *module_name = in_package ? disc_basename_of(path) : rel;

    size_t selected = 0;
    const char *last_dynamic_function = NULL, *last_dynamic_class = NULL;
    for (size_t i = 0; i < module->item_count; i++) {
        const struct disc_item *found = &module->items[i];
        struct plan_item item = {
            .class_name = found->class_name,
            .function_name = found->function_name,
            .name = found->name,
            .line = found->line,
            .node_kind = found->node_kind,
            .xdist_group = found->xdist_group,
            .marks = found->marks,
            .mark_count = found->mark_count,
            .dynamic = found->dynamic,
            .dynamic_reason = found->dynamic_reason,
        };
        if (!item.dynamic && session_dynamic) {
            item.dynamic = true;
            item.dynamic_reason = arena_printf(walker->arena,
                                               "pytest_generate_tests, an autouse fixture "
                                               "with params or pytest_make_parametrize_id may "
                                               "parametrize or name %s",
                                               found->function_name);
        } else if (!item.dynamic &&
                   disc_needs_parametrized_fixture(walker, dir, module, found->fixture_names,
                                                   found->fixture_count, 0)) {
            item.dynamic = true;
            item.dynamic_reason = arena_printf(walker->arena,
                                               "%s requests a fixture with params",
                                               found->function_name);
        }
        if (item.dynamic) {
            /* One placeholder per function: its items come from import. */
            const char *reason = arena_printf(walker->arena, "line %d: %s", item.line + 1,
                                              item.dynamic_reason);
            if (!reason || plan_set_file_dynamic(walker->plan, file_index, reason))
                disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            if (last_dynamic_function && strcmp(last_dynamic_function, found->function_name) == 0 &&
                ((!last_dynamic_class && !found->class_name) ||
                 (last_dynamic_class && found->class_name &&
                  strcmp(last_dynamic_class, found->class_name) == 0)))
                continue;
            last_dynamic_function = found->function_name;
            last_dynamic_class = found->class_name;
            item.name = found->function_name;
        }
        if (!disc_matches_parts(found, item.dynamic, parts, part_count, walker))
            continue;
        const char **keywords =
            arena_alloc(walker->arena, (found->keyword_count + 2) * sizeof *keywords);
        if (!keywords) {
            disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            return selected;
        }
        size_t keyword_count = 0;
        for (size_t k = 0; k < found->keyword_count; k++)
            keywords[keyword_count++] = found->keywords[k];
        keywords[keyword_count++] = module_name;
        if (package_name)
            keywords[keyword_count++] = package_name;
        item.keywords = keywords;
        item.keyword_count = keyword_count;
        if (plan_add_item(walker->plan, file_index, &item)) {
            disc_fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            return selected;
        }
        selected++;
    }
    return selected;
}
