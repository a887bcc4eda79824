/* The module: Module.collect over its namespace in dict order (functions,
 * classes, what is imported or assigned), its pytestmark and __test__, its
 * hooks and fixtures, and a conftest.py's collect_ignore lists. */
#include "discovery/module.h"

#include <string.h>

#include "discovery/class.h"
#include "discovery/collector.h"
#include "discovery/fixture.h"
#include "discovery/function.h"
#include "discovery/inheritance.h"
#include "discovery/namespace.h"
#include "python/engine_mode.h"

static void read_ignore_list(struct extractor *ex, const struct binding *entry,
                             const char *const **out, size_t *out_count)
{
    const struct lit_value *value =
        entry->conditional ? NULL : lit_eval(ex->arena, &ex->scope, entry->value_node);
    if (!value || entry->kind != BIND_VALUE ||
        (value->kind != LIT_LIST && value->kind != LIT_TUPLE)) {
        ex->module->collect_ignore_dynamic = true;
        return;
    }
    const char **paths = arena_alloc(ex->arena, (value->item_count + 1) * sizeof *paths);
    if (!paths)
        return;
    for (size_t i = 0; i < value->item_count; i++) {
        if (value->items[i]->kind != LIT_STR) {
            ex->module->collect_ignore_dynamic = true;
            return;
        }
        paths[i] = value->items[i]->text;
    }
    *out = paths;
    *out_count = value->item_count;
}

void disc_collect_module(struct extractor *ex, TSNode root)
{
    struct disc_module *module = ex->module;
    struct namespace *ns = &ex->module_namespace;
    disc_scan_statements(ex, ns, root, false, true);

    for (size_t i = 0; i < ns->count; i++) {
        const struct binding *entry = &ns->entries[i];
        if (strncmp(entry->name, "pytest_", 7) == 0) {
            module->flags |= PLAN_FILE_HAS_HOOKS;
            if (!pyh_native_hook(entry->name))
                module->flags |= PLAN_FILE_HAS_FOREIGN_HOOKS;
            if (strcmp(entry->name, "pytest_generate_tests") == 0)
                module->generates_tests = true;
            if (strcmp(entry->name, "pytest_make_parametrize_id") == 0)
                module->names_parameters = true;
            if (strcmp(entry->name, "pytest_collection_modifyitems") == 0 ||
                strcmp(entry->name, "pytest_make_parametrize_id") == 0)
                module->flags |= PLAN_FILE_DECIDES_ITEMS;
            if (strcmp(entry->name, "pytest_report_header") == 0)
                module->flags |= PLAN_FILE_REPORTS_HEADER;
            if (strcmp(entry->name, "pytest_collection_finish") == 0 ||
                strcmp(entry->name, "pytest_sessionstart") == 0 ||
                strcmp(entry->name, "pytest_sessionfinish") == 0 ||
                strcmp(entry->name, "pytest_terminal_summary") == 0 ||
                strcmp(entry->name, "pytest_unconfigure") == 0)
                module->flags |= PLAN_FILE_SESSION_HOOKS;
        }
        if (ex->is_conftest && entry->kind == BIND_VALUE &&
            strcmp(entry->name, "collect_ignore") == 0)
            read_ignore_list(ex, entry, &module->collect_ignore, &module->collect_ignore_count);
        if (ex->is_conftest && entry->kind == BIND_VALUE &&
            strcmp(entry->name, "collect_ignore_glob") == 0)
            read_ignore_list(ex, entry, &module->collect_ignore_glob,
                             &module->collect_ignore_glob_count);
        if (ex->is_conftest && entry->kind != BIND_VALUE &&
            strncmp(entry->name, "collect_ignore", 14) == 0)
            module->collect_ignore_dynamic = true;
    }
    /* Fixtures, in the module and (for conftest.py) nowhere else. */
    for (size_t i = 0; i < ns->count; i++) {
        const struct binding *entry = &ns->entries[i];
        if (entry->kind != BIND_FUNCTION)
            continue;
        struct function_info info;
        disc_read_decorators(ex, entry->outer, &info);
        if (info.is_fixture)
            disc_record_fixture(ex, entry, &info, NULL);
    }
    if (ex->is_conftest)
        return;

    bool unknown = false;
    if (disc_literal_false(ex, disc_lookup(ns, "__test__", 8), &unknown) || unknown) {
        if (unknown)
            ex_mark_dynamic(ex, disc_lookup(ns, "__test__", 8)->value_node,
                            "the module's __test__ is no literal");
        return;
    }
    struct mark_list module_marks = {0};
    struct binding *pytestmark = disc_lookup(ns, "pytestmark", 10);
    if (pytestmark && (pytestmark->kind != BIND_VALUE || pytestmark->conditional ||
                       !ex_collect_marks(ex, pytestmark->value_node, &module_marks))) {
        ex_mark_dynamic(ex, pytestmark->value_node, "the module's pytestmark is no literal mark");
        return;
    }
    size_t class_count = 0;
    struct collect_context context = {
        .outer_marks = module_marks.marks,
        .outer_mark_count = module_marks.count,
        .node_kind = PLAN_NODE_FUNCTION,
        .order_key = "",
        .class_count = &class_count,
    };
    for (size_t i = 0; i < ns->count; i++) {
        const struct binding *entry = &ns->entries[i];
        if (entry->conditional && disc_is_relevant_name(ex, entry->name)) {
            ex_mark_dynamic(ex, entry->outer, "%s is defined conditionally", entry->name);
            continue;
        }
        if (entry->kind == BIND_FUNCTION) {
            struct function_info info;
            disc_read_decorators(ex, entry->outer, &info);
            if (!info.is_fixture && disc_matches_function(ex, entry->name) &&
                !info.is_classmethod && !info.is_property)
                disc_collect_function(ex, entry, &context);
        } else if (entry->kind == BIND_CLASS) {
            struct class_info info;
            disc_scan_class(ex, &info, entry, 0);
            if (info.unittest || disc_matches_class(ex, entry->name) || info.unknown_base) {
                if (info.unknown_base && !disc_matches_class(ex, entry->name)) {
                    /* Could be a TestCase from elsewhere. */
                    ex_mark_dynamic(ex, entry->outer,
                                    "class %s may be a TestCase: its bases are imported",
                                    entry->name);
                    continue;
                }
                disc_collect_class(ex, entry, &context, NULL);
            }
        } else if (entry->kind == BIND_OTHER || entry->kind == BIND_VALUE) {
            /* Imported or assigned test functions/classes are collected by
             * pytest too; only an import can tell what they are. Literal
             * values are not callable: never collected. */
            enum alias_target alias = ex_alias(ex, entry->name, strlen(entry->name));
            if (alias == ALIAS_TESTCASE || disc_is_plain_literal(ex, entry))
                continue;
            if (disc_matches_function(ex, entry->name) || disc_matches_class(ex, entry->name))
                ex_mark_dynamic(ex, entry->value_node, "%s is %s, not defined here", entry->name,
                                entry->kind == BIND_OTHER ? "imported or bound" : "assigned");
        }
    }
}
