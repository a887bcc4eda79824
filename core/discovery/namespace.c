/* Namespaces as Python builds them, read from the syntax tree: the names a
 * module or class body binds in dict order, with their last definition,
 * and what a bound name stands for as a literal. */
#include "discovery/namespace.h"

#include <string.h>

static bool name_is(const char *name, size_t length, const char *text)
{
    return strlen(text) == length && memcmp(name, text, length) == 0;
}

/* --- namespaces ------------------------------------------------------- */

struct binding *disc_lookup(struct namespace *ns, const char *name, size_t length)
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
    struct binding *entry = disc_lookup(ns, name, length);
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

/* `if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:`, false when the
 * module runs: what its block imports (`from _pytest.fixtures import
 * SubRequest` for an annotation) is for type checkers only. */
static bool is_type_checking_guard(const struct extractor *ex, TSNode statement)
{
    TSNode condition = ts_node_child_by_field_name(statement, "condition", 9);
    return ex_is(ex, condition, "TYPE_CHECKING") || ex_is(ex, condition, "typing.TYPE_CHECKING");
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
        /* A TYPE_CHECKING block's imports bind names, not noted as imports. */
        bool type_checking =
            strcmp(type, "if_statement") == 0 && is_type_checking_guard(ex, statement);
        uint32_t count = lit_named_count(statement);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_named_child(statement, i);
            if (ex_type_is(child, "block"))
                disc_scan_statements(ex, ns, child, true, top_level && !type_checking);
            else if (!ts_node_is_null(child) && strstr(ts_node_type(child), "clause"))
                scan_statement(ex, ns, child, true, top_level);
        }
    }
}

void disc_scan_statements(struct extractor *ex, struct namespace *ns, TSNode block,
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

const struct lit_value *disc_resolve_name(void *context, const char *name, size_t length)
{
    struct extractor *ex = context;
    struct binding *entry = disc_lookup(&ex->module_namespace, name, length);
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

/* NAME = <literal that is no function or class>. */
bool disc_is_plain_literal(struct extractor *ex, const struct binding *entry)
{
    if (entry->kind != BIND_VALUE || entry->conditional)
        return false;
    const struct lit_value *value = lit_eval(ex->arena, &ex->scope, entry->value_node);
    return value->kind != LIT_UNKNOWN && value->kind != LIT_NAMED && value->kind != LIT_PARAM;
}

bool disc_literal_false(struct extractor *ex, const struct binding *entry, bool *unknown)
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
