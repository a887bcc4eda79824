/* What the pytest names in a module stand for: imports of pytest and
 * unittest under any alias, mark expressions and decorators. */
#include <stdbool.h>
#include <string.h>

#include "discovery/extractor.h"
#include "discovery/namespace.h"
#include "discovery/served_internals.h"

enum alias_target ex_alias(const struct extractor *ex, const char *name, size_t length)
{
    /* Later imports win, as they rebind the name. */
    for (size_t i = ex->alias_count; i-- > 0;)
        if (strlen(ex->aliases[i].local) == length &&
            memcmp(ex->aliases[i].local, name, length) == 0)
            return ex->aliases[i].target;
    return ALIAS_NONE;
}

static void add_alias(struct extractor *ex, TSNode local, enum alias_target target)
{
    struct alias *alias = EX_PUSH(ex, ex->aliases, ex->alias_count, ex->alias_capacity);
    if (alias) {
        alias->local = ex_text(ex, local);
        alias->target = target;
        if (!alias->local)
            ex->alias_count--;
    }
}

static bool module_is(const struct extractor *ex, TSNode dotted, const char *name)
{
    return ex_is(ex, dotted, name);
}

static bool is_pytest_internals(const struct extractor *ex, TSNode dotted)
{
    uint32_t start = ts_node_start_byte(dotted), end = ts_node_end_byte(dotted);
    return end - start >= 7 && memcmp(ex->source + start, "_pytest", 7) == 0 &&
           (end - start == 7 || ex->source[start + 7] == '.');
}

/* import a.b.c [as x], ... */
static void note_plain_import(struct extractor *ex, TSNode statement)
{
    uint32_t count = lit_named_count(statement);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(statement, i);
        TSNode dotted = child, local = child;
        bool aliased = ex_type_is(child, "aliased_import");
        if (aliased) {
            dotted = ts_node_child_by_field_name(child, "name", 4);
            local = ts_node_child_by_field_name(child, "alias", 5);
        } else if (!ex_type_is(child, "dotted_name")) {
            continue;
        }
        if (is_pytest_internals(ex, dotted))
            ex->module->flags |= PLAN_FILE_USES_PYTEST_INTERNALS;
        enum alias_target target = module_is(ex, dotted, "pytest")     ? ALIAS_PYTEST
                                   : module_is(ex, dotted, "unittest") ? ALIAS_UNITTEST
                                                                       : ALIAS_NONE;
        if (!aliased) /* `import a.b` binds `a` */
            local = ts_node_named_child(dotted, 0);
        if (target != ALIAS_NONE && (aliased || lit_named_count(dotted) == 1))
            add_alias(ex, local, target);
        else
            add_alias(ex, local, ALIAS_NONE);
        ex_bind_import(ex, ex->source + ts_node_start_byte(local),
                       ts_node_end_byte(local) - ts_node_start_byte(local));
    }
}

/* Whether a `from _pytest.M import ...` names only what the native
 * engine serves of M (discovery/served_internals.h). */
static bool imports_served_names(const struct extractor *ex, TSNode statement, TSNode module)
{
    const char *module_text = ex->source + ts_node_start_byte(module);
    size_t module_length = ts_node_end_byte(module) - ts_node_start_byte(module);
    uint32_t count = lit_named_count(statement);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(statement, i);
        if (ts_node_eq(child, module))
            continue;
        TSNode name = ex_type_is(child, "aliased_import")
                          ? ts_node_child_by_field_name(child, "name", 4)
                          : child;
        if (!ex_type_is(name, "dotted_name"))
            return false; /* a wildcard: every name the module has */
        uint32_t start = ts_node_start_byte(name);
        if (!disc_serves(module_text, module_length, ex->source + start,
                         ts_node_end_byte(name) - start))
            return false;
    }
    return true;
}

/* from m import a [as x], ... / from m import * */
static void note_from_import(struct extractor *ex, TSNode statement)
{
    TSNode module = ts_node_child_by_field_name(statement, "module_name", 11);
    if (is_pytest_internals(ex, module) && !imports_served_names(ex, statement, module))
        ex->module->flags |= PLAN_FILE_USES_PYTEST_INTERNALS;
    bool from_pytest = module_is(ex, module, "pytest");
    bool from_unittest = module_is(ex, module, "unittest");
    uint32_t count = lit_named_count(statement);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_named_child(statement, i);
        if (ex_type_is(child, "wildcard_import")) {
            if (!ex->is_conftest)
                ex_mark_dynamic(ex, child, "a wildcard import may bring in tests");
            continue;
        }
        if (ts_node_eq(child, module))
            continue;
        TSNode name = child, local = child;
        if (ex_type_is(child, "aliased_import")) {
            name = ts_node_child_by_field_name(child, "name", 4);
            local = ts_node_child_by_field_name(child, "alias", 5);
        } else if (!ex_type_is(child, "dotted_name")) {
            continue;
        }
        enum alias_target target = ALIAS_NONE;
        if (from_pytest)
            target = ex_is(ex, name, "mark")      ? ALIAS_MARK
                     : ex_is(ex, name, "param")   ? ALIAS_PARAM
                     : ex_is(ex, name, "fixture") ? ALIAS_FIXTURE
                                                  : ALIAS_NONE;
        else if (from_unittest && (ex_is(ex, name, "TestCase") ||
                                   ex_is(ex, name, "IsolatedAsyncioTestCase")))
            target = ALIAS_TESTCASE;
        add_alias(ex, local, target);
        ex_bind_import(ex, ex->source + ts_node_start_byte(local),
                       ts_node_end_byte(local) - ts_node_start_byte(local));
    }
}

void ex_note_import(struct extractor *ex, TSNode statement)
{
    if (ex_type_is(statement, "import_statement"))
        note_plain_import(ex, statement);
    else if (ex_type_is(statement, "import_from_statement"))
        note_from_import(ex, statement);
}

/* Splits a dotted expression (a.b.c) into its root identifier and up to
 * max attribute names. Returns the number of attributes, or -1 when expr
 * is not a plain dotted name or is longer. */
static int split_dotted(TSNode expr, TSNode *root, TSNode *attributes, int max)
{
    TSNode reversed[8];
    int count = 0;
    while (ex_type_is(expr, "attribute")) {
        if (count == 8)
            return -1;
        reversed[count++] = ts_node_child_by_field_name(expr, "attribute", 9);
        expr = ts_node_child_by_field_name(expr, "object", 6);
    }
    if (!ex_type_is(expr, "identifier") || count > max)
        return -1;
    *root = expr;
    for (int i = 0; i < count; i++)
        attributes[i] = reversed[count - 1 - i];
    return count;
}

static enum alias_target root_alias(const struct extractor *ex, TSNode root)
{
    return ex_alias(ex, ex->source + ts_node_start_byte(root),
                    ts_node_end_byte(root) - ts_node_start_byte(root));
}

bool ex_parse_mark(struct extractor *ex, TSNode expr, struct mark_ref *out)
{
    TSNode args = {0};
    if (ex_type_is(expr, "call")) {
        args = ts_node_child_by_field_name(expr, "arguments", 9);
        if (!ex_type_is(args, "argument_list"))
            return false;
        expr = ts_node_child_by_field_name(expr, "function", 8);
    }
    TSNode root, attributes[2];
    int count = split_dotted(expr, &root, attributes, 2);
    TSNode name;
    enum alias_target target = count >= 0 ? root_alias(ex, root) : ALIAS_NONE;
    if (count == 2 && target == ALIAS_PYTEST && ex_is(ex, attributes[0], "mark"))
        name = attributes[1];
    else if (count == 1 && target == ALIAS_MARK)
        name = attributes[0];
    else
        return false;
    *out = (struct mark_ref){.name = ex_text(ex, name), .args = args};
    return out->name != NULL;
}

bool ex_collect_marks(struct extractor *ex, TSNode value, struct mark_list *out)
{
    if (ex_type_is(value, "list") || ex_type_is(value, "tuple")) {
        uint32_t count = lit_named_count(value);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_named_child(value, i);
            if (ex_type_is(child, "comment"))
                continue;
            if (!ex_collect_marks(ex, child, out))
                return false;
        }
        return true;
    }
    struct mark_ref mark;
    if (!ex_parse_mark(ex, value, &mark))
        return false;
    struct mark_ref *slot = EX_PUSH(ex, out->marks, out->count, out->capacity);
    if (!slot)
        return false;
    *slot = mark;
    return true;
}

/* Decorators that return the function unchanged for pytest's purposes. */
static const char *const neutral_names[] = {
    "skip", "skipIf", "skipUnless", "expectedFailure", "wraps", "usefixtures",
};

enum decorator_kind ex_classify_decorator(struct extractor *ex, TSNode expr,
                                          struct mark_ref *mark)
{
    if (ex_parse_mark(ex, expr, mark))
        return DECORATOR_MARK;
    TSNode callee = ex_type_is(expr, "call") ? ts_node_child_by_field_name(expr, "function", 8)
                                              : expr;
    TSNode root, attributes[3];
    int count = split_dotted(callee, &root, attributes, 3);
    if (count < 0)
        return DECORATOR_UNKNOWN;
    enum alias_target target = root_alias(ex, root);
    if ((count == 0 && target == ALIAS_FIXTURE) ||
        (count == 1 && target == ALIAS_PYTEST && ex_is(ex, attributes[0], "fixture")))
        return DECORATOR_FIXTURE;
    if (count == 0 && target == ALIAS_NONE) {
        if (ex_is(ex, root, "staticmethod"))
            return DECORATOR_STATICMETHOD;
        if (ex_is(ex, root, "classmethod"))
            return DECORATOR_CLASSMETHOD;
        if (ex_is(ex, root, "property"))
            return DECORATOR_PROPERTY;
    }
    TSNode last = count ? attributes[count - 1] : root;
    /* patch, mock.patch, patch.object, mock.patch.dict, ... */
    for (int i = -1; i < count; i++) {
        TSNode part = i < 0 ? root : attributes[i];
        if (ex_is(ex, part, "patch")) {
            bool keeps_signature = i + 1 < count && ex_is(ex, attributes[i + 1], "dict");
            return keeps_signature ? DECORATOR_NEUTRAL : DECORATOR_PATCH;
        }
    }
    for (size_t i = 0; i < sizeof neutral_names / sizeof *neutral_names; i++)
        if (ex_is(ex, last, neutral_names[i]))
            return DECORATOR_NEUTRAL;
    return DECORATOR_UNKNOWN;
}

bool ex_is_param_call(void *extractor, TSNode function)
{
    struct extractor *ex = extractor;
    TSNode root, attributes[1];
    int count = split_dotted(function, &root, attributes, 1);
    if (count < 0)
        return false;
    enum alias_target target = root_alias(ex, root);
    return (count == 0 && target == ALIAS_PARAM) ||
           (count == 1 && target == ALIAS_PYTEST && ex_is(ex, attributes[0], "param"));
}

bool ex_is_testcase_base(struct extractor *ex, TSNode expr)
{
    TSNode root, attributes[1];
    int count = split_dotted(expr, &root, attributes, 1);
    if (count < 0)
        return false;
    enum alias_target target = root_alias(ex, root);
    return (count == 0 && target == ALIAS_TESTCASE) ||
           (count == 1 && target == ALIAS_UNITTEST &&
            (ex_is(ex, attributes[0], "TestCase") ||
             ex_is(ex, attributes[0], "IsolatedAsyncioTestCase")));
}
