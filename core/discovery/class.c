/* Classes: pytest 7.2.1's Class.collect (constructors, __test__, class
 * marks, methods in MRO order) and UnitTestCase.collect (TestLoader's
 * sorted test* names). */
#include "discovery/class.h"

#include <stdlib.h>
#include <string.h>

#include "discovery/fixture.h"
#include "discovery/function.h"
#include "discovery/inheritance.h"
#include "discovery/namespace.h"
#include "discovery/warning.h"

/* The class's pytestmark as get_unpacked_marks sees it: its own (or
 * inherited) pytestmark, then its decorators' marks. False when unknown. */
static bool class_marks(struct extractor *ex, const struct class_info *info,
                        struct mark_list *out)
{
    const struct class_info *mro[64];
    size_t count = disc_linearize(info, mro, 64);
    if (!count)
        return false;
    /* The own pytestmark assignment, else the attribute inherited from
     * the first class in the MRO that holds one: assigned in its body, or
     * stored there by its mark decorators (which computed its whole list). */
    for (size_t i = 0; i < count; i++) {
        struct binding *entry = disc_lookup((struct namespace *)&mro[i]->body, "pytestmark", 10);
        struct function_info base_decorators;
        if (i > 0)
            disc_read_decorators(ex, mro[i]->entry->outer, &base_decorators);
        if (i > 0 && (entry || base_decorators.marks.count)) {
            if (!class_marks(ex, mro[i], out))
                return false;
            break;
        }
        if (entry) {
            if (entry->kind != BIND_VALUE || entry->conditional || entry->bind_count != 1 ||
                !ex_collect_marks(ex, entry->value_node, out))
                return false;
            break;
        }
    }
    struct function_info decorators;
    disc_read_decorators(ex, info->entry->outer, &decorators);
    if (decorators.unknown_decorator || decorators.is_fixture)
        return false;
    for (size_t i = 0; i < decorators.marks.count; i++) {
        struct mark_ref *slot = EX_PUSH(ex, out->marks, out->count, out->capacity);
        if (!slot)
            return false;
        *slot = decorators.marks.marks[i];
    }
    return true;
}

static int compare_binding_names(const void *a, const void *b)
{
    const struct binding *left = *(const struct binding *const *)a;
    const struct binding *right = *(const struct binding *const *)b;
    return strcmp(left->name, right->name);
}

void disc_collect_class(struct extractor *ex, const struct binding *entry,
                        const struct collect_context *outer, const char *parent_class)
{
    size_t class_count = 0;
    const char *order_key =
        arena_printf(ex->arena, "%s%08zx", outer->order_key, ++*outer->class_count);
    struct class_info info;
    disc_scan_class(ex, &info, entry, 0);
    const struct class_info *mro[64];
    size_t mro_count = info.unknown_base ? 0 : disc_linearize(&info, mro, 64);
    if (!mro_count) {
        ex_mark_dynamic(ex, entry->outer, "the bases of class %s are not all in the module",
                        entry->name);
        return;
    }
    bool unknown = false;
    if (disc_literal_false(ex, disc_class_attribute(mro, mro_count, "__test__"), &unknown) ||
        unknown) {
        if (unknown)
            ex_mark_dynamic(ex, entry->outer, "%s.__test__ is no literal", entry->name);
        return;
    }
    if (!info.unittest) {
        if (disc_class_attribute(mro, mro_count, "__init__")) {
            disc_add_class_warning(ex, entry, "__init__", parent_class, order_key);
            return;
        }
        if (disc_class_attribute(mro, mro_count, "__new__")) {
            disc_add_class_warning(ex, entry, "__new__", parent_class, order_key);
            return;
        }
    }

    struct mark_list own = {0};
    if (!class_marks(ex, &info, &own)) {
        ex_mark_dynamic(ex, entry->outer, "the pytestmark of class %s is no literal mark",
                        entry->name);
        return;
    }
    struct collect_context context = *outer;
    context.order_key = order_key;
    context.class_count = &class_count;
    context.class_name = outer->class_name
                             ? arena_printf(ex->arena, "%s::%s", outer->class_name, entry->name)
                             : entry->name;
    const char **names = arena_alloc(ex->arena, (outer->class_depth + 1) * sizeof *names);
    struct mark_ref *marks =
        arena_alloc(ex->arena, (own.count + outer->outer_mark_count + 1) * sizeof *marks);
    if (!names || !marks || !context.class_name)
        return;
    for (size_t i = 0; i < outer->class_depth; i++)
        names[i] = outer->class_names[i];
    names[outer->class_depth] = entry->name;
    context.class_names = names;
    context.class_depth = outer->class_depth + 1;
    if (own.count)
        memcpy(marks, own.marks, own.count * sizeof *marks);
    if (outer->outer_mark_count)
        memcpy(marks + own.count, outer->outer_marks, outer->outer_mark_count * sizeof *marks);
    context.outer_marks = marks;
    context.outer_mark_count = own.count + outer->outer_mark_count;
    context.is_method = true;
    context.generates_tests |=
        disc_class_attribute(mro, mro_count, "pytest_generate_tests") != NULL;

    if (info.unittest) {
        /* TestLoader.getTestCaseNames: every callable test* attribute,
         * sorted; runTest when there is none. */
        context.node_kind = PLAN_NODE_TESTCASE_FUNCTION;
        const struct binding *methods[512];
        size_t method_count = 0;
        for (size_t c = 0; c < mro_count; c++) {
            for (size_t i = 0; i < mro[c]->body.count; i++) {
                const struct binding *method = &mro[c]->body.entries[i];
                if (strncmp(method->name, "test", 4) != 0 ||
                    disc_class_attribute(mro, c, method->name))
                    continue;
                if (method->kind != BIND_FUNCTION || method->conditional ||
                    method_count == 512) {
                    ex_mark_dynamic(ex, method->outer, "%s.%s is no plain method",
                                    entry->name, method->name);
                    continue;
                }
                methods[method_count++] = method;
            }
        }
        const struct binding *run_test = disc_class_attribute(mro, mro_count, "runTest");
        if (!method_count && run_test && run_test->kind == BIND_FUNCTION)
            methods[method_count++] = run_test;
        qsort(methods, method_count, sizeof *methods, compare_binding_names);
        for (size_t i = 0; i < method_count; i++)
            disc_collect_function(ex, methods[i], &context);
        return;
    }

    /* PyCollector.collect: each class's dict in MRO order skipping names
     * seen, then the lists in reverse MRO order (base items first). */
    context.node_kind = PLAN_NODE_FUNCTION;
    for (size_t c = mro_count; c-- > 0;) {
        for (size_t i = 0; i < mro[c]->body.count; i++) {
            const struct binding *member = &mro[c]->body.entries[i];
            if (disc_class_attribute(mro, c, member->name))
                continue; /* overridden in a class earlier in the MRO */
            if (member->conditional && disc_is_relevant_name(ex, member->name)) {
                ex_mark_dynamic(ex, member->outer, "%s.%s is defined conditionally",
                                entry->name, member->name);
                continue;
            }
            if (member->kind == BIND_FUNCTION) {
                struct function_info function;
                disc_read_decorators(ex, member->outer, &function);
                if (function.is_fixture) {
                    if (c == 0)
                        disc_record_fixture(ex, member, &function, context.class_name);
                    continue;
                }
                if (!disc_matches_function(ex, member->name) || function.is_classmethod ||
                    function.is_property)
                    continue;
                disc_collect_function(ex, member, &context);
            } else if (member->kind == BIND_CLASS) {
                struct class_info nested;
                disc_scan_class(ex, &nested, member, 0);
                if (nested.unittest || disc_matches_class(ex, member->name))
                    disc_collect_class(ex, member, &context, context.class_name);
            } else if ((disc_matches_function(ex, member->name) ||
                        disc_matches_class(ex, member->name)) &&
                       !disc_is_plain_literal(ex, member)) {
                ex_mark_dynamic(ex, member->value_node, "%s.%s is assigned, not defined",
                                entry->name, member->name); /* test_x = other_function */
            }
        }
    }
}
