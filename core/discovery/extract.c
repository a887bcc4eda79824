/* The module walk of the static extractor: namespaces in dict order,
 * functions, classes (inheritance, unittest), fixtures, pytestmark. Mirrors
 * pytest 7.2.1's PyCollector.collect / Class.collect / UnitTestCase.collect
 * and leaves to import (marks `dynamic`) whatever it cannot decide. */
#include "discovery/extract.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "discovery/extractor.h"
#include "discovery/pattern.h"
#include "python/engine_mode.h"

const TSLanguage *tree_sitter_python(void);

void ex_bind_import(struct extractor *ex, const char *name, size_t length);

/* --- small helpers ------------------------------------------------------ */

void *ex_push(struct extractor *ex, void **array, size_t *count, size_t *capacity, size_t size)
{
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 8;
        void *bigger = arena_alloc(ex->arena, grown * size);
        if (!bigger)
            return NULL;
        if (*count)
            memcpy(bigger, *array, *count * size);
        *array = bigger;
        *capacity = grown;
    }
    char *slot = (char *)*array + (*count)++ * size;
    memset(slot, 0, size);
    return slot;
}

void ex_mark_dynamic(struct extractor *ex, TSNode node, const char *format, ...)
{
    ex->module->flags |= PLAN_FILE_DYNAMIC;
    if (ex->module->dynamic_reason)
        return;
    va_list args;
    va_start(args, format);
    char *reason = arena_vprintf(ex->arena, format, args);
    va_end(args);
    if (reason && !ts_node_is_null(node))
        reason = arena_printf(ex->arena, "line %u: %s", ts_node_start_point(node).row + 1, reason);
    ex->module->dynamic_reason = reason;
}

char *ex_text(struct extractor *ex, TSNode node)
{
    return lit_node_text(ex->arena, ex->source, node);
}

bool ex_is(const struct extractor *ex, TSNode node, const char *text)
{
    return !ts_node_is_null(node) && lit_node_is(ex->source, node, text);
}

bool ex_type_is(TSNode node, const char *type)
{
    return !ts_node_is_null(node) && strcmp(ts_node_type(node), type) == 0;
}

static bool name_is(const char *name, size_t length, const char *text)
{
    return strlen(text) == length && memcmp(name, text, length) == 0;
}

/* --- namespaces ------------------------------------------------------- */

static struct binding *lookup(struct namespace *ns, const char *name, size_t length)
{
    for (size_t i = 0; i < ns->count; i++)
        if (name_is(name, length, ns->entries[i].name))
            return &ns->entries[i];
    return NULL;
}

/* Binds name: a new entry at the end, or the existing one rebound in place
 * (dict order keeps the first position). NULL when out of memory. */
static struct binding *bind(struct extractor *ex, struct namespace *ns, const char *name,
                            size_t length, enum binding_kind kind, bool conditional)
{
    struct binding *entry = lookup(ns, name, length);
    if (!entry) {
        char *copy = arena_strndup(ex->arena, name, length);
        if (!copy || !(entry = EX_PUSH(ex, ns->entries, ns->count, ns->capacity)))
            return NULL;
        entry->name = copy;
    }
    entry->kind = kind;
    entry->bind_count++;
    entry->conditional |= conditional;
    entry->value = NULL;
    return entry;
}

void ex_bind_import(struct extractor *ex, const char *name, size_t length)
{
    bind(ex, &ex->module_namespace, name, length, BIND_OTHER, false);
}

static bool matches_function(const struct extractor *ex, const char *name)
{
    return pat_prefix_or_glob(ex->patterns->python_functions, ex->patterns->python_function_count,
                              name);
}

static bool matches_class(const struct extractor *ex, const char *name)
{
    return pat_prefix_or_glob(ex->patterns->python_classes, ex->patterns->python_class_count,
                              name);
}

/* A name whose binding changes what pytest collects. */
static bool is_relevant_name(const struct extractor *ex, const char *name)
{
    static const char *const special[] = {"pytestmark", "__test__", "collect_ignore",
                                          "collect_ignore_glob", "pytest_generate_tests"};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (strcmp(name, special[i]) == 0)
            return true;
    return matches_function(ex, name) || matches_class(ex, name) ||
           strncmp(name, "test", 4) == 0; /* unittest's prefix */
}

static void bind_targets(struct extractor *ex, struct namespace *ns, TSNode target,
                         bool conditional)
{
    if (ex_type_is(target, "identifier")) {
        uint32_t start = ts_node_start_byte(target);
        bind(ex, ns, ex->source + start, ts_node_end_byte(target) - start, BIND_OTHER,
             conditional);
        return;
    }
    if (ex_type_is(target, "attribute") || ex_type_is(target, "subscript"))
        return;
    uint32_t count = lit_named_count(target);
    for (uint32_t i = 0; i < count; i++)
        bind_targets(ex, ns, ts_node_named_child(target, i), conditional);
}

static void scan_statements(struct extractor *ex, struct namespace *ns, TSNode block,
                            bool conditional, bool top_level);

static void bind_definition(struct extractor *ex, struct namespace *ns, TSNode outer,
                            bool conditional)
{
    TSNode definition = ex_type_is(outer, "decorated_definition")
                            ? ts_node_child_by_field_name(outer, "definition", 10)
                            : outer;
    TSNode name = ts_node_child_by_field_name(definition, "name", 4);
    if (ts_node_is_null(name))
        return;
    uint32_t start = ts_node_start_byte(name);
    bool is_class = ex_type_is(definition, "class_definition");
    struct binding *entry = bind(ex, ns, ex->source + start, ts_node_end_byte(name) - start,
                                 is_class ? BIND_CLASS : BIND_FUNCTION, conditional);
    if (entry) {
        entry->definition = definition;
        entry->outer = outer;
    }
}

static void scan_assignment(struct extractor *ex, struct namespace *ns, TSNode assignment,
                            bool conditional)
{
    TSNode left = ts_node_child_by_field_name(assignment, "left", 4);
    TSNode right = ts_node_child_by_field_name(assignment, "right", 5);
    if (ex_type_is(right, "assignment")) { /* a = b = value */
        bind_targets(ex, ns, left, conditional);
        scan_assignment(ex, ns, right, conditional);
        return;
    }
    if (ex_type_is(left, "identifier") && !ts_node_is_null(right)) {
        uint32_t start = ts_node_start_byte(left);
        struct binding *entry = bind(ex, ns, ex->source + start,
                                     ts_node_end_byte(left) - start, BIND_VALUE, conditional);
        if (entry)
            entry->value_node = right;
        return;
    }
    bind_targets(ex, ns, left, conditional);
}

/* Binds what a statement defines in ns. Compound statements bind
 * conditionally: their names are known, their values are not. */
static void scan_statement(struct extractor *ex, struct namespace *ns, TSNode statement,
                           bool conditional, bool top_level)
{
    const char *type = ts_node_type(statement);
    if (strcmp(type, "decorated_definition") == 0 || strcmp(type, "function_definition") == 0 ||
        strcmp(type, "class_definition") == 0) {
        bind_definition(ex, ns, statement, conditional);
    } else if (strcmp(type, "expression_statement") == 0) {
        uint32_t count = lit_named_count(statement);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_named_child(statement, i);
            if (ex_type_is(child, "assignment"))
                scan_assignment(ex, ns, child, conditional);
            else if (ex_type_is(child, "augmented_assignment"))
                bind_targets(ex, ns, ts_node_child_by_field_name(child, "left", 4), true);
        }
    } else if (strcmp(type, "import_statement") == 0 ||
               strcmp(type, "import_from_statement") == 0) {
        if (top_level)
            ex_note_import(ex, statement);
        else
            bind_targets(ex, ns, statement, conditional);
    } else if (strcmp(type, "future_import_statement") == 0 ||
               strcmp(type, "comment") == 0 || strcmp(type, "pass_statement") == 0) {
        return;
    } else if (strcmp(type, "delete_statement") == 0) {
        bind_targets(ex, ns, statement, true);
    } else if (strcmp(type, "if_statement") == 0 || strcmp(type, "try_statement") == 0 ||
               strcmp(type, "for_statement") == 0 || strcmp(type, "while_statement") == 0 ||
               strcmp(type, "with_statement") == 0 || strcmp(type, "match_statement") == 0 ||
               strcmp(type, "elif_clause") == 0 || strcmp(type, "else_clause") == 0 ||
               strcmp(type, "except_clause") == 0 || strcmp(type, "finally_clause") == 0 ||
               strcmp(type, "case_clause") == 0 || strcmp(type, "block") == 0 ||
               strcmp(type, "except_group_clause") == 0) {
        if (strcmp(type, "for_statement") == 0)
            bind_targets(ex, ns, ts_node_child_by_field_name(statement, "left", 4), true);
        uint32_t count = lit_named_count(statement);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_named_child(statement, i);
            if (ex_type_is(child, "block"))
                scan_statements(ex, ns, child, true, top_level);
            else if (!ts_node_is_null(child) && strstr(ts_node_type(child), "clause"))
                scan_statement(ex, ns, child, true, top_level);
        }
    }
}

static void scan_statements(struct extractor *ex, struct namespace *ns, TSNode block,
                            bool conditional, bool top_level)
{
    uint32_t count = lit_named_count(block);
    for (uint32_t i = 0; i < count; i++)
        scan_statement(ex, ns, ts_node_named_child(block, i), conditional, top_level);
}

/* --- names as literals ---------------------------------------------------- */

/* Builtins whose __name__ an id would use, when the module does not shadow
 * them. */
static const char *const builtin_names[] = {
    "int", "str", "float", "bytes", "bool", "list", "dict", "tuple", "set", "frozenset",
    "object", "type", "complex", "bytearray", "len", "repr", "print", "Exception",
    "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "AttributeError",
    "ZeroDivisionError", "NotImplementedError", "OSError", "AssertionError",
};

static const struct lit_value *named(struct extractor *ex, const char *name)
{
    struct lit_value *value = arena_alloc(ex->arena, sizeof *value);
    if (!value)
        return NULL;
    value->kind = LIT_NAMED;
    value->text = name;
    value->length = strlen(name);
    return value;
}

static const struct lit_value *resolve_name(void *context, const char *name, size_t length)
{
    struct extractor *ex = context;
    struct binding *entry = lookup(&ex->module_namespace, name, length);
    if (!entry) {
        for (size_t i = 0; i < sizeof builtin_names / sizeof *builtin_names; i++)
            if (name_is(name, length, builtin_names[i]))
                return named(ex, builtin_names[i]);
        return NULL;
    }
    if (entry->bind_count != 1 || entry->conditional)
        return NULL;
    if (entry->kind == BIND_FUNCTION || entry->kind == BIND_CLASS)
        return named(ex, entry->name);
    if (entry->kind != BIND_VALUE)
        return NULL;
    if (!entry->value) {
        /* Guard against NAME = NAME cycles while evaluating. */
        static const struct lit_value evaluating = {.kind = LIT_UNKNOWN};
        entry->value = &evaluating;
        entry->value = lit_eval(ex->arena, &ex->scope, entry->value_node);
    }
    return entry->value->kind == LIT_UNKNOWN ? NULL : entry->value;
}

/* --- functions --------------------------------------------------------- */

struct function_info {
    struct mark_list marks; /* pytestmark order: bottom decorator first */
    bool is_fixture, is_staticmethod, is_classmethod, is_property, unknown_decorator;
    TSNode fixture_call; /* the fixture decorator, for its arguments */
    size_t patch_count;
    int line;
};

static void read_decorators(struct extractor *ex, TSNode outer, struct function_info *info)
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
static const char **argnames_of(struct extractor *ex, TSNode definition, bool drop_first,
                                size_t skip, size_t *out_count)
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

/* The context a function is collected in: its classes (inner last) and the
 * marks of those classes and of the module, in iter_markers order. */
struct collect_context {
    const char *class_name; /* "A::B" or NULL */
    const char *const *class_names;
    size_t class_depth;
    const struct mark_ref *outer_marks; /* classes inner to outer, then module */
    size_t outer_mark_count;
    bool generates_tests; /* a class defines pytest_generate_tests */
    bool is_method;
    /* The collector's place in the tree: add_warning's order key, and the
     * count of classes it has collected so far. */
    const char *order_key;
    size_t *class_count;
    enum plan_node_kind node_kind;
};

static struct disc_item *push_item(struct extractor *ex)
{
    struct disc_module *module = ex->module;
    return EX_PUSH(ex, module->items, module->item_count, ex->item_capacity);
}

/* --- collection warnings ------------------------------------------------ */

/* The text of node's first line, stripped as str.strip() strips it (what
 * warnings.formatwarning shows under the warning). */
static const char *source_line_of(struct extractor *ex, TSNode node)
{
    const char *start = ex->source + ts_node_start_byte(node) - ts_node_start_point(node).column;
    const char *end = start + strcspn(start, "\r\n");
    static const char whitespace[] = " \t\f\v\x1c\x1d\x1e\x1f";
    while (start < end && strchr(whitespace, *start))
        start++;
    while (end > start && strchr(whitespace, end[-1]))
        end--;
    return arena_strndup(ex->arena, start, (size_t)(end - start));
}

/* Records a PytestCollectionWarning about node. order_key places it in
 * pytest's emission order: the path of the collector whose collect() warns
 * (one 8-digit hex number per class down from the module, "" for the
 * module itself). pytest collects depth first and a collector warns for
 * its functions while it collects, before any of its classes collect, so
 * sorting by key (shorter first on a common prefix, stable otherwise)
 * yields pytest's order. */
static void add_warning(struct extractor *ex, enum disc_warning_kind kind, TSNode node,
                        const char *message, const char *collector, const char *order_key)
{
    struct disc_module *module = ex->module;
    struct disc_warning *warning =
        EX_PUSH(ex, module->warnings, module->warning_count, ex->warning_capacity);
    const char **key = EX_PUSH(ex, ex->warning_order, ex->warning_order_count,
                               ex->warning_order_capacity);
    if (!warning || !key || !message) {
        if (warning)
            module->warning_count--;
        return;
    }
    warning->kind = kind;
    warning->line = (int)ts_node_start_point(node).row;
    warning->message = message;
    warning->collector = collector;
    warning->source_line = source_line_of(ex, node);
    *key = order_key ? order_key : "";
}

/* Class.collect: a class with a constructor is not collected. */
static void add_class_warning(struct extractor *ex, const struct binding *entry,
                              const char *constructor, const char *parent_class,
                              const char *order_key)
{
    add_warning(ex, DISC_WARNING_CLASS, entry->outer,
                arena_printf(ex->arena,
                             "cannot collect test class '%s' because it has a %s constructor",
                             entry->name, constructor),
                parent_class ? arena_printf(ex->arena, "%s::%s", parent_class, entry->name)
                             : entry->name,
                order_key);
}

/* Stable insertion sort of the warnings by their order keys (warnings are
 * few). */
static void sort_warnings(struct extractor *ex)
{
    struct disc_warning *warnings = ex->module->warnings;
    const char **keys = ex->warning_order;
    for (size_t i = 1; i < ex->module->warning_count; i++) {
        struct disc_warning warning = warnings[i];
        const char *key = keys[i];
        size_t j = i;
        for (; j > 0 && strcmp(keys[j - 1], key) > 0; j--) {
            warnings[j] = warnings[j - 1];
            keys[j] = keys[j - 1];
        }
        warnings[j] = warning;
        keys[j] = key;
    }
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

/* A yield test's warning, and the xfail mark pytest adds to its item. */
static struct mark_ref add_yield_warning(struct extractor *ex, const struct binding *entry,
                                         const struct collect_context *context)
{
    const char *message = arena_printf(
        ex->arena, "yield tests were removed in pytest 4.0 - %s will be ignored", entry->name);
    add_warning(ex, DISC_WARNING_ITEM, entry->outer, message, context->class_name,
                context->order_key);
    return (struct mark_ref){
        .name = "xfail",
        .args_text = message ? arena_printf(ex->arena, "(run=False, reason='%s')", message)
                             : NULL,
    };
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
static void collect_function(struct extractor *ex, const struct binding *entry,
                             const struct collect_context *context)
{
    struct function_info info;
    read_decorators(ex, entry->outer, &info);
    size_t argname_count;
    bool drop_self = context->is_method && !info.is_staticmethod;
    const char **argnames =
        argnames_of(ex, entry->definition, drop_self, info.patch_count, &argname_count);

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
        yield_mark = add_yield_warning(ex, entry, context);
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

/* @pytest.fixture definitions: name=, scope=, autouse=, params=. */
static void record_fixture(struct extractor *ex, const struct binding *entry,
                           const struct function_info *info, const char *class_name)
{
    struct disc_module *module = ex->module;
    struct disc_fixture *fixture =
        EX_PUSH(ex, module->fixtures, module->fixture_count, ex->fixture_capacity);
    if (!fixture)
        return;
    fixture->name = entry->name;
    fixture->class_name = class_name;
    fixture->line = info->line;
    size_t count;
    fixture->argnames = argnames_of(ex, entry->definition, class_name != NULL, 0, &count);
    fixture->argname_count = count;
    if (!ex_type_is(info->fixture_call, "call"))
        return;
    TSNode args = ts_node_child_by_field_name(info->fixture_call, "arguments", 9);
    uint32_t arg_count = lit_named_count(args);
    for (uint32_t i = 0; i < arg_count; i++) {
        TSNode argument = ts_node_named_child(args, i);
        if (!ex_type_is(argument, "keyword_argument")) {
            if (!ex_type_is(argument, "comment") && i == 0) /* fixture(scope) positionally */
                fixture->scope = PLAN_SCOPE_DYNAMIC;
            continue;
        }
        TSNode key = ts_node_child_by_field_name(argument, "name", 4);
        TSNode node = ts_node_child_by_field_name(argument, "value", 5);
        const struct lit_value *value = lit_eval(ex->arena, &ex->scope, node);
        if (ex_is(ex, key, "name") && value->kind == LIT_STR) {
            fixture->name = value->text;
        } else if (ex_is(ex, key, "autouse")) {
            fixture->autouse = value->kind == LIT_BOOL ? value->integer != 0 : true;
        } else if (ex_is(ex, key, "params")) {
            fixture->has_params = value->kind != LIT_NONE;
            fixture->params_literal = value->kind == LIT_LIST || value->kind == LIT_TUPLE;
        } else if (ex_is(ex, key, "scope")) {
            static const char *const scopes[] = {"function", "class", "module", "package",
                                                 "session"};
            fixture->scope = PLAN_SCOPE_DYNAMIC;
            for (size_t s = 0; value->kind == LIT_STR && s < 5; s++)
                if (strcmp(value->text, scopes[s]) == 0)
                    fixture->scope = (enum plan_fixture_scope)s;
        }
    }
}

static bool is_plain_literal(struct extractor *ex, const struct binding *entry);

/* --- classes ------------------------------------------------------------ */

/* A class of this module, with what collecting it needs. */
struct class_info {
    const struct binding *entry;
    struct namespace body;
    const struct class_info *bases[8];
    size_t base_count;
    bool unittest;         /* derives from unittest.TestCase */
    bool unknown_base;     /* a base from elsewhere, or keywords */
    bool scanned;
};

static void scan_class(struct extractor *ex, struct class_info *info, const struct binding *entry,
                       int depth);

static const struct binding *module_class(struct extractor *ex, TSNode base)
{
    if (!ex_type_is(base, "identifier"))
        return NULL;
    uint32_t start = ts_node_start_byte(base);
    const struct binding *entry =
        lookup(&ex->module_namespace, ex->source + start, ts_node_end_byte(base) - start);
    return entry && entry->kind == BIND_CLASS && entry->bind_count == 1 && !entry->conditional
               ? entry
               : NULL;
}

static void scan_class(struct extractor *ex, struct class_info *info, const struct binding *entry,
                       int depth)
{
    memset(info, 0, sizeof *info);
    info->entry = entry;
    info->scanned = true;
    scan_statements(ex, &info->body, ts_node_child_by_field_name(entry->definition, "body", 4),
                    false, false);
    TSNode superclasses = ts_node_child_by_field_name(entry->definition, "superclasses", 12);
    uint32_t count = lit_named_count(superclasses);
    for (uint32_t i = 0; i < count; i++) {
        TSNode base = ts_node_named_child(superclasses, i);
        if (ex_type_is(base, "comment") || ex_is(ex, base, "object"))
            continue;
        if (ex_is_testcase_base(ex, base)) {
            info->unittest = true;
            continue;
        }
        const struct binding *base_entry = module_class(ex, base);
        if (!base_entry || depth > 16 || base_entry == entry || info->base_count == 8) {
            info->unknown_base = true;
            continue;
        }
        struct class_info *base_info = arena_alloc(ex->arena, sizeof *base_info);
        if (!base_info) {
            info->unknown_base = true;
            continue;
        }
        scan_class(ex, base_info, base_entry, depth + 1);
        info->unittest |= base_info->unittest;
        info->unknown_base |= base_info->unknown_base;
        info->bases[info->base_count++] = base_info;
    }
}

/* C3 linearization (Python's MRO) over classes of this module. Returns the
 * number of classes written to out, or 0 when there is none (Python would
 * raise TypeError: left to import). */
static size_t linearize(const struct class_info *info, const struct class_info **out, size_t max)
{
    const struct class_info *sequences[9][64];
    size_t lengths[9] = {0}, heads[9] = {0};
    size_t sequence_count = 0;
    for (size_t b = 0; b < info->base_count; b++) {
        lengths[sequence_count] = linearize(info->bases[b], sequences[sequence_count], 64);
        if (!lengths[sequence_count])
            return 0;
        sequence_count++;
    }
    for (size_t b = 0; b < info->base_count; b++)
        sequences[sequence_count][b] = info->bases[b];
    lengths[sequence_count++] = info->base_count;
    size_t used = 0;
    out[used++] = info;
    for (;;) {
        const struct class_info *candidate = NULL;
        bool remaining = false;
        for (size_t s = 0; s < sequence_count && !candidate; s++) {
            if (heads[s] >= lengths[s])
                continue;
            remaining = true;
            const struct class_info *head = sequences[s][heads[s]];
            bool in_tail = false;
            for (size_t t = 0; t < sequence_count && !in_tail; t++)
                for (size_t k = heads[t] + 1; k < lengths[t] && !in_tail; k++)
                    in_tail = sequences[t][k]->entry == head->entry;
            if (!in_tail)
                candidate = head;
        }
        if (!remaining)
            return used;
        if (!candidate || used == max)
            return 0;
        out[used++] = candidate;
        for (size_t s = 0; s < sequence_count; s++)
            if (heads[s] < lengths[s] && sequences[s][heads[s]]->entry == candidate->entry)
                heads[s]++;
    }
}

/* The value of a name bound in a class body, via the MRO. */
static const struct binding *class_attribute(const struct class_info *const *mro, size_t count,
                                             const char *name)
{
    for (size_t i = 0; i < count; i++) {
        struct binding *entry =
            lookup((struct namespace *)&mro[i]->body, name, strlen(name));
        if (entry)
            return entry;
    }
    return NULL;
}

/* The class's pytestmark as get_unpacked_marks sees it: its own (or
 * inherited) pytestmark, then its decorators' marks. False when unknown. */
static bool class_marks(struct extractor *ex, const struct class_info *info,
                        struct mark_list *out)
{
    const struct class_info *mro[64];
    size_t count = linearize(info, mro, 64);
    if (!count)
        return false;
    /* The own pytestmark assignment, else the attribute inherited from
     * the first class in the MRO that holds one: assigned in its body, or
     * stored there by its mark decorators (which computed its whole list). */
    for (size_t i = 0; i < count; i++) {
        struct binding *entry = lookup((struct namespace *)&mro[i]->body, "pytestmark", 10);
        struct function_info base_decorators;
        if (i > 0)
            read_decorators(ex, mro[i]->entry->outer, &base_decorators);
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
    read_decorators(ex, info->entry->outer, &decorators);
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

static bool literal_false(struct extractor *ex, const struct binding *entry, bool *unknown)
{
    if (!entry)
        return false;
    const struct lit_value *value =
        entry->kind == BIND_VALUE ? lit_eval(ex->arena, &ex->scope, entry->value_node) : NULL;
    if (!value || entry->conditional || value->kind == LIT_UNKNOWN) {
        *unknown = true;
        return false;
    }
    /* Python truthiness of a literal. */
    switch (value->kind) {
    case LIT_NONE: return true;
    case LIT_BOOL:
    case LIT_INT: return value->integer == 0;
    case LIT_FLOAT: return value->real == 0.0;
    case LIT_STR:
    case LIT_BYTES:
    case LIT_TUPLE:
    case LIT_LIST: return value->length == 0 && value->item_count == 0;
    default: return false;
    }
}

static void collect_class(struct extractor *ex, const struct binding *entry,
                          const struct collect_context *outer, const char *parent_class);

static void collect_class(struct extractor *ex, const struct binding *entry,
                          const struct collect_context *outer, const char *parent_class)
{
    size_t class_count = 0;
    const char *order_key =
        arena_printf(ex->arena, "%s%08zx", outer->order_key, ++*outer->class_count);
    struct class_info info;
    scan_class(ex, &info, entry, 0);
    const struct class_info *mro[64];
    size_t mro_count = info.unknown_base ? 0 : linearize(&info, mro, 64);
    if (!mro_count) {
        ex_mark_dynamic(ex, entry->outer, "the bases of class %s are not all in the module",
                        entry->name);
        return;
    }
    bool unknown = false;
    if (literal_false(ex, class_attribute(mro, mro_count, "__test__"), &unknown) || unknown) {
        if (unknown)
            ex_mark_dynamic(ex, entry->outer, "%s.__test__ is no literal", entry->name);
        return;
    }
    if (!info.unittest) {
        if (class_attribute(mro, mro_count, "__init__")) {
            add_class_warning(ex, entry, "__init__", parent_class, order_key);
            return;
        }
        if (class_attribute(mro, mro_count, "__new__")) {
            add_class_warning(ex, entry, "__new__", parent_class, order_key);
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
    context.generates_tests |= class_attribute(mro, mro_count, "pytest_generate_tests") != NULL;

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
                    class_attribute(mro, c, method->name))
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
        const struct binding *run_test = class_attribute(mro, mro_count, "runTest");
        if (!method_count && run_test && run_test->kind == BIND_FUNCTION)
            methods[method_count++] = run_test;
        qsort(methods, method_count, sizeof *methods, compare_binding_names);
        for (size_t i = 0; i < method_count; i++)
            collect_function(ex, methods[i], &context);
        return;
    }

    /* PyCollector.collect: each class's dict in MRO order skipping names
     * seen, then the lists in reverse MRO order (base items first). */
    context.node_kind = PLAN_NODE_FUNCTION;
    for (size_t c = mro_count; c-- > 0;) {
        for (size_t i = 0; i < mro[c]->body.count; i++) {
            const struct binding *member = &mro[c]->body.entries[i];
            if (class_attribute(mro, c, member->name))
                continue; /* overridden in a class earlier in the MRO */
            if (member->conditional && is_relevant_name(ex, member->name)) {
                ex_mark_dynamic(ex, member->outer, "%s.%s is defined conditionally",
                                entry->name, member->name);
                continue;
            }
            if (member->kind == BIND_FUNCTION) {
                struct function_info function;
                read_decorators(ex, member->outer, &function);
                if (function.is_fixture) {
                    if (c == 0)
                        record_fixture(ex, member, &function, context.class_name);
                    continue;
                }
                if (!matches_function(ex, member->name) || function.is_classmethod ||
                    function.is_property)
                    continue;
                collect_function(ex, member, &context);
            } else if (member->kind == BIND_CLASS) {
                struct class_info nested;
                scan_class(ex, &nested, member, 0);
                if (nested.unittest || matches_class(ex, member->name))
                    collect_class(ex, member, &context, context.class_name);
            } else if ((matches_function(ex, member->name) || matches_class(ex, member->name)) &&
                       !is_plain_literal(ex, member)) {
                ex_mark_dynamic(ex, member->value_node, "%s.%s is assigned, not defined",
                                entry->name, member->name); /* test_x = other_function */
            }
        }
    }
}

/* --- modules ------------------------------------------------------------- */

/* NAME = <literal that is no function or class>. */
static bool is_plain_literal(struct extractor *ex, const struct binding *entry)
{
    if (entry->kind != BIND_VALUE || entry->conditional)
        return false;
    const struct lit_value *value = lit_eval(ex->arena, &ex->scope, entry->value_node);
    return value->kind != LIT_UNKNOWN && value->kind != LIT_NAMED && value->kind != LIT_PARAM;
}

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

static void collect_module(struct extractor *ex, TSNode root)
{
    struct disc_module *module = ex->module;
    struct namespace *ns = &ex->module_namespace;
    scan_statements(ex, ns, root, false, true);

    for (size_t i = 0; i < ns->count; i++) {
        const struct binding *entry = &ns->entries[i];
        if (strncmp(entry->name, "pytest_", 7) == 0) {
            module->flags |= PLAN_FILE_HAS_HOOKS;
            if (!pyh_native_hook(entry->name))
                module->flags |= PLAN_FILE_HAS_FOREIGN_HOOKS;
            if (strcmp(entry->name, "pytest_generate_tests") == 0)
                module->generates_tests = true;
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
        read_decorators(ex, entry->outer, &info);
        if (info.is_fixture)
            record_fixture(ex, entry, &info, NULL);
    }
    if (ex->is_conftest)
        return;

    bool unknown = false;
    if (literal_false(ex, lookup(ns, "__test__", 8), &unknown) || unknown) {
        if (unknown)
            ex_mark_dynamic(ex, lookup(ns, "__test__", 8)->value_node,
                            "the module's __test__ is no literal");
        return;
    }
    struct mark_list module_marks = {0};
    struct binding *pytestmark = lookup(ns, "pytestmark", 10);
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
        if (entry->conditional && is_relevant_name(ex, entry->name)) {
            ex_mark_dynamic(ex, entry->outer, "%s is defined conditionally", entry->name);
            continue;
        }
        if (entry->kind == BIND_FUNCTION) {
            struct function_info info;
            read_decorators(ex, entry->outer, &info);
            if (!info.is_fixture && matches_function(ex, entry->name) && !info.is_classmethod &&
                !info.is_property)
                collect_function(ex, entry, &context);
        } else if (entry->kind == BIND_CLASS) {
            struct class_info info;
            scan_class(ex, &info, entry, 0);
            if (info.unittest || matches_class(ex, entry->name) || info.unknown_base) {
                if (info.unknown_base && !matches_class(ex, entry->name)) {
                    /* Could be a TestCase from elsewhere. */
                    ex_mark_dynamic(ex, entry->outer,
                                    "class %s may be a TestCase: its bases are imported",
                                    entry->name);
                    continue;
                }
                collect_class(ex, entry, &context, NULL);
            }
        } else if (entry->kind == BIND_OTHER || entry->kind == BIND_VALUE) {
            /* Imported or assigned test functions/classes are collected by
             * pytest too; only an import can tell what they are. Literal
             * values are not callable: never collected. */
            enum alias_target alias = ex_alias(ex, entry->name, strlen(entry->name));
            if (alias == ALIAS_TESTCASE || is_plain_literal(ex, entry))
                continue;
            if (matches_function(ex, entry->name) || matches_class(ex, entry->name))
                ex_mark_dynamic(ex, entry->value_node, "%s is %s, not defined here", entry->name,
                                entry->kind == BIND_OTHER ? "imported or bound" : "assigned");
        }
    }
}

/* --- source checks ----------------------------------------------------- */

static bool valid_utf8(const unsigned char *text, size_t length)
{
    for (size_t i = 0; i < length;) {
        unsigned char c = text[i];
        size_t extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                                  : (c & 0xF8) == 0xF0   ? 3
                                                         : 9;
        if (extra == 9 || i + extra >= length + (extra == 0))
            return false;
        for (size_t k = 1; k <= extra; k++)
            if ((text[i + k] & 0xC0) != 0x80)
                return false;
        i += extra + 1;
    }
    return true;
}

/* A PEP 263 cookie naming something else than UTF-8 in the first two lines. */
static bool foreign_encoding(const char *source, size_t length)
{
    size_t line_end = 0;
    for (int line = 0; line < 2 && line_end < length; line++) {
        size_t start = line_end;
        while (line_end < length && source[line_end] != '\n')
            line_end++;
        const char *cookie = memmem(source + start, line_end - start, "coding", 6);
        if (cookie && memchr(source + start, '#', (size_t)(cookie - source - start))) {
            const char *p = cookie + 6;
            if (p < source + line_end && (*p == ':' || *p == '=')) {
                p++;
                while (p < source + line_end && (*p == ' ' || *p == '\t'))
                    p++;
                return !(strncasecmp(p, "utf-8", 5) == 0 || strncasecmp(p, "utf8", 4) == 0);
            }
        }
        line_end++;
    }
    return false;
}

static void set_error(struct extractor *ex, const char *message, int line)
{
    ex->module->error = arena_strdup(ex->arena, message);
    ex->module->error_line = line;
    ex->module->flags |= PLAN_FILE_ERROR_NEEDS_IMPORT;
}

/* The first ERROR or MISSING node, for the line of a syntax error. */
static int first_error_line(TSNode node)
{
    if (ts_node_is_missing(node) || ex_type_is(node, "ERROR"))
        return (int)ts_node_start_point(node).row;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(node, i);
        if (ts_node_has_error(child))
            return first_error_line(child);
    }
    return (int)ts_node_start_point(node).row;
}

int disc_extract(struct ft_arena *arena, const char *source, size_t length,
                 const struct disc_patterns *patterns, bool is_conftest,
                 struct disc_module **out, char **out_error)
{
    struct disc_module *module = arena_alloc(arena, sizeof *module);
    if (!module) {
        *out_error = strdup("out of memory extracting a module");
        return FASTEST_ENOMEM;
    }
    module->error_line = -1;
    *out = module;
    struct extractor ex = {
        .arena = arena,
        .source = source,
        .patterns = patterns,
        .is_conftest = is_conftest,
        .module = module,
    };
    ex.scope = (struct lit_scope){
        .source = source,
        .resolve = resolve_name,
        .is_param_call = ex_is_param_call,
        .context = &ex,
    };
    if (memchr(source, '\0', length)) {
        set_error(&ex, "SyntaxError: source code cannot contain null bytes", -1);
        return 0;
    }
    if (foreign_encoding(source, length)) {
        ex_mark_dynamic(&ex, (TSNode){0}, "the file declares an encoding other than UTF-8");
        return 0;
    }
    size_t skip = length >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (!valid_utf8((const unsigned char *)source + skip, length - skip)) {
        set_error(&ex, "SyntaxError: (unicode error) 'utf-8' codec can't decode the source",
                  -1);
        return 0;
    }
    TSParser *parser = ts_parser_new();
    if (!parser || !ts_parser_set_language(parser, tree_sitter_python())) {
        if (parser)
            ts_parser_delete(parser);
        *out_error = strdup("the tree-sitter-python grammar does not match libtree-sitter's "
                            "ABI: rebuild fastest against the installed libtree-sitter");
        return FASTEST_EINVAL;
    }
    TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)length);
    if (!tree) {
        ts_parser_delete(parser);
        *out_error = strdup("out of memory parsing a module");
        return FASTEST_ENOMEM;
    }
    TSNode root = ts_tree_root_node(tree);
    if (ts_node_has_error(root)) {
        int line = first_error_line(root);
        char message[64];
        snprintf(message, sizeof message, "SyntaxError: invalid syntax (line %d)", line + 1);
        set_error(&ex, message, line);
    } else {
        collect_module(&ex, root);
        sort_warnings(&ex);
    }
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return 0;
}
