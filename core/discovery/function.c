/* Functions: what a def's decorators say, its fixture arguments, and the
 * items pytest makes of it (one per callspec, a yield test's single xfail
 * item, or a dynamic placeholder). */
#include "discovery/function.h"

#include <string.h>

#include "discovery/warning.h"

void disc_read_decorators(struct extractor *ex, TSNode outer, struct function_info *info)
{
    memset(info, 0, sizeof *info);
    info->line = (int)ts_node_start_point(outer).row;
    if (!ex_type_is(outer, "decorated_definition"))
        return;
    uint32_t count = lit_named_count(outer);
    /* Decorators apply bottom-up: walk them in reverse. */
    for (uint32_t i = count; i-- > 0;) {
        TSNode decorator = ts_node_named_child(outer, i);
        if (!ex_type_is(decorator, "decorator"))
            continue;
        TSNode expr = ts_node_named_child(decorator, 0);
        struct mark_ref mark;
        switch (ex_classify_decorator(ex, expr, &mark)) {
        case DECORATOR_MARK: {
            struct mark_ref *slot =
                EX_PUSH(ex, info->marks.marks, info->marks.count, info->marks.capacity);
            if (slot)
                *slot = mark;
            break;
        }
        case DECORATOR_FIXTURE:
            info->is_fixture = true;
            info->fixture_call = expr;
            break;
        case DECORATOR_STATICMETHOD: info->is_staticmethod = true; break;
        case DECORATOR_CLASSMETHOD: info->is_classmethod = true; break;
        case DECORATOR_PROPERTY: info->is_property = true; break;
        case DECORATOR_PATCH: info->patch_count++; break;
        case DECORATOR_NEUTRAL: break;
        case DECORATOR_UNKNOWN: info->unknown_decorator = true; break;
        }
    }
}

/* getfuncargnames: parameters without defaults, minus self/cls for methods
 * and the arguments mock.patch decorators fill. */
const char **disc_argnames_of(struct extractor *ex, TSNode definition, bool drop_first, size_t skip,
                              size_t *out_count)
{
    TSNode parameters = ts_node_child_by_field_name(definition, "parameters", 10);
    uint32_t count = lit_named_count(parameters);
    const char **names = arena_alloc(ex->arena, (count + 1) * sizeof *names);
    size_t used = 0;
    bool first = true;
    for (uint32_t i = 0; names && i < count; i++) {
        TSNode parameter = ts_node_named_child(parameters, i);
        TSNode name = parameter;
        if (ex_type_is(parameter, "typed_parameter"))
            name = ts_node_named_child(parameter, 0);
        else if (!ex_type_is(parameter, "identifier"))
            continue; /* defaults, *args, **kwargs, separators */
        if (!ex_type_is(name, "identifier"))
            continue;
        if (first && drop_first) {
            first = false;
            continue;
        }
        first = false;
        if (skip) {
            skip--;
            continue;
        }
        names[used++] = ex_text(ex, name);
    }
    *out_count = used;
    return names;
}

static bool add_keyword(struct extractor *ex, const char ***keywords, size_t *count,
                        size_t *capacity, const char *keyword)
{
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*keywords)[i], keyword) == 0)
            return true;
    const char **slot = EX_PUSH(ex, *keywords, *count, *capacity);
    if (slot)
        *slot = keyword;
    return slot != NULL;
}

static struct disc_item *push_item(struct extractor *ex)
{
    struct disc_module *module = ex->module;
    return EX_PUSH(ex, module->items, module->item_count, ex->item_capacity);
}

/* inspect.isgeneratorfunction for a def: a plain (not async) def whose own
 * body yields; a yield inside a nested def, lambda or class is theirs. */
static bool contains_yield(TSNode node)
{
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(node, i);
        const char *type = ts_node_type(child);
        if (strcmp(type, "yield") == 0)
            return true;
        if (strcmp(type, "function_definition") == 0 || strcmp(type, "lambda") == 0 ||
            strcmp(type, "class_definition") == 0 || strcmp(type, "decorated_definition") == 0)
            continue;
        if (contains_yield(child))
            return true;
    }
    return false;
}

static bool is_generator(TSNode definition)
{
    TSNode first = ts_node_child(definition, 0);
    if (ex_type_is(first, "async"))
        return false;
    return contains_yield(ts_node_child_by_field_name(definition, "body", 4));
}


static const char *xdist_group_of(struct extractor *ex, const struct mark_ref *marks,
                                  size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(marks[i].name, "xdist_group") != 0 || ts_node_is_null(marks[i].args))
            continue;
        TSNode argument = ts_node_named_child(marks[i].args, 0);
        if (ex_type_is(argument, "keyword_argument"))
            argument = ts_node_child_by_field_name(argument, "value", 5);
        const struct lit_value *value = lit_eval(ex->arena, &ex->scope, argument);
        return value->kind == LIT_STR ? value->text : NULL;
    }
    return NULL;
}

/* Appends the fixture names of usefixtures marks. */
static void add_usefixtures(struct extractor *ex, const struct mark_ref *marks, size_t count,
                            const char ***names, size_t *used, size_t *capacity)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(marks[i].name, "usefixtures") != 0 || ts_node_is_null(marks[i].args))
            continue;
        uint32_t args = lit_named_count(marks[i].args);
        for (uint32_t a = 0; a < args; a++) {
            const struct lit_value *value =
                lit_eval(ex->arena, &ex->scope, ts_node_named_child(marks[i].args, a));
            if (value->kind == LIT_STR)
                add_keyword(ex, names, used, capacity, value->text);
        }
    }
}

/* One item per callspec (or one plain item, or a dynamic placeholder). */
void disc_collect_function(struct extractor *ex, const struct binding *entry,
                           const struct collect_context *context)
{
    struct function_info info;
    disc_read_decorators(ex, entry->outer, &info);
    size_t argname_count;
    bool drop_self = context->is_method && !info.is_staticmethod;
    const char **argnames =
        disc_argnames_of(ex, entry->definition, drop_self, info.patch_count, &argname_count);

    /* iter_markers order: own marks, then the classes', then the module's. */
    struct mark_list all = {0};
    for (size_t i = 0; i < info.marks.count + context->outer_mark_count; i++) {
        struct mark_ref *slot = EX_PUSH(ex, all.marks, all.count, all.capacity);
        if (!slot)
            return;
        *slot = i < info.marks.count ? info.marks.marks[i]
                                     : context->outer_marks[i - info.marks.count];
    }
    struct callspec *calls = NULL;
    size_t call_count = 0;
    /* pytest_pycollect_makeitem: a generator function is one Function,
     * never parametrized, marked xfail(run=False), with a warning. */
    bool generator = context->node_kind != PLAN_NODE_TESTCASE_FUNCTION && is_generator(entry->definition);
    const char *reason = NULL;
    if (info.unknown_decorator)
        reason = "a decorator fastest does not know may change %s";
    else if (!generator && (context->generates_tests || ex->module->generates_tests))
        reason = "pytest_generate_tests may parametrize %s";
    else if (!generator && !ex_expand_parametrize(ex, all.marks, all.count, argnames,
                                                  argname_count, &calls, &call_count))
        reason = "the parametrize arguments of %s are no literals";
    if (reason) {
        call_count = 0;
        ex_mark_dynamic(ex, entry->outer, reason, entry->name);
    }
    bool dynamic = reason != NULL;
    struct mark_ref yield_mark = {0};
    if (generator && !dynamic)
        yield_mark = disc_add_yield_warning(ex, entry, context);
    size_t item_count = call_count ? call_count : 1;
    for (size_t c = 0; c < item_count; c++) {
        struct disc_item *item = push_item(ex);
        if (!item)
            return;
        const struct callspec *call = call_count ? &calls[c] : NULL;
        item->class_name = context->class_name;
        item->function_name = entry->name;
        item->name = call ? arena_printf(ex->arena, "%s[%s]", entry->name, call->id)
                          : entry->name;
        item->line = info.line;
        item->node_kind = context->node_kind;
        item->dynamic = dynamic;
        item->dynamic_reason =
            dynamic ? arena_printf(ex->arena, reason, entry->name) : NULL;

        /* Node.iter_markers: own_markers (the function's, its callspec's,
         * then add_marker's xfail for a yield test), then the classes' and
         * the module's. */
        struct mark_list marks = {0};
        size_t own = info.marks.count, from_call = call ? call->marks.count : 0;
        size_t added = yield_mark.name ? 1 : 0;
        for (size_t i = 0; i < own + from_call + added + context->outer_mark_count; i++) {
            struct mark_ref *slot = EX_PUSH(ex, marks.marks, marks.count, marks.capacity);
            if (!slot)
                return;
            *slot = i < own                       ? info.marks.marks[i]
                    : i < own + from_call         ? call->marks.marks[i - own]
                    : i < own + from_call + added ? yield_mark
                                                  : context->outer_marks[i - own - from_call - added];
        }
        struct plan_mark *plan_marks = arena_alloc(ex->arena, (marks.count + 1) * sizeof *plan_marks);
        const char **keywords = NULL;
        size_t keyword_count = 0, keyword_capacity = 0;
        if (!plan_marks)
            return;
        add_keyword(ex, &keywords, &keyword_count, &keyword_capacity, item->name);
        for (size_t i = 0; i < context->class_depth; i++)
            add_keyword(ex, &keywords, &keyword_count, &keyword_capacity,
                        context->class_names[i]);
        if (info.marks.count) /* the function's __dict__ holds pytestmark */
            add_keyword(ex, &keywords, &keyword_count, &keyword_capacity, "pytestmark");
        for (size_t i = 0; i < marks.count; i++) {
            plan_marks[i].name = marks.marks[i].name;
            plan_marks[i].args = marks.marks[i].args_text ? marks.marks[i].args_text
                                 : ts_node_is_null(marks.marks[i].args)
                                     ? NULL
                                     : ex_text(ex, marks.marks[i].args);
            add_keyword(ex, &keywords, &keyword_count, &keyword_capacity, marks.marks[i].name);
        }
        item->marks = plan_marks;
        item->mark_count = marks.count;
        item->keywords = keywords;
        item->keyword_count = keyword_count;
        item->xdist_group = xdist_group_of(ex, marks.marks, marks.count);

        const char **fixtures = NULL;
        size_t fixture_count = 0, fixture_capacity = 0;
        for (size_t i = 0; i < argname_count; i++)
            add_keyword(ex, &fixtures, &fixture_count, &fixture_capacity, argnames[i]);
        add_usefixtures(ex, marks.marks, marks.count, &fixtures, &fixture_count,
                        &fixture_capacity);
        item->fixture_names = fixtures;
        item->fixture_count = fixture_count;
    }
}
