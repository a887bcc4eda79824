/* Internal state of the static extractor, shared by extract.c (the entry
 * and these helpers), the module walk (module.c, class.c, inheritance.c,
 * function.c, fixture.c, warning.c over namespace.c and collector.c),
 * marks.c (what pytest names and marks an expression denotes) and
 * parametrize.c (parametrize marks to item ids). Not used outside
 * core/discovery/.
 */
#ifndef FT_DISCOVERY_EXTRACTOR_H
#define FT_DISCOVERY_EXTRACTOR_H

#include <stdbool.h>
#include <stddef.h>

#include <tree_sitter/api.h>

#include "discovery/extract.h"
#include "discovery/literal.h"

/* What an imported name stands for. */
enum alias_target {
    ALIAS_NONE = 0,
    ALIAS_PYTEST,    /* import pytest [as x] */
    ALIAS_MARK,      /* from pytest import mark [as x] */
    ALIAS_PARAM,     /* from pytest import param */
    ALIAS_FIXTURE,   /* from pytest import fixture */
    ALIAS_UNITTEST,  /* import unittest [as x] */
    ALIAS_TESTCASE,  /* from unittest import TestCase / IsolatedAsyncioTestCase */
};

struct alias {
    const char *local;
    enum alias_target target;
};

enum binding_kind {
    BIND_FUNCTION,
    BIND_CLASS,
    BIND_VALUE, /* NAME = <expression> */
    BIND_OTHER, /* imports, loop targets, anything whose value is unknown */
};

/* A name in a module's or class's namespace, at the position of its first
 * binding (dict order) with its last definition (as Python keeps them). */
struct binding {
    const char *name;
    enum binding_kind kind;
    TSNode definition; /* function_definition / class_definition */
    TSNode outer;      /* the decorated_definition around it, or definition */
    TSNode value_node; /* BIND_VALUE: the right-hand side */
    const struct lit_value *value; /* BIND_VALUE, evaluated on first use */
    int bind_count;
    bool conditional; /* bound inside if/try/for/while/with */
};

struct namespace {
    struct binding *entries;
    size_t count, capacity;
};

/* A mark applied to something: @pytest.mark.NAME or @pytest.mark.NAME(...). */
struct mark_ref {
    const char *name;
    TSNode args; /* the argument_list, or a null node for a bare mark */
    /* A mark pytest adds itself (a yield test's xfail) has no node: its
     * arguments' text, "(...)". NULL otherwise. */
    const char *args_text;
};

struct mark_list {
    struct mark_ref *marks;
    size_t count, capacity;
};

enum decorator_kind {
    DECORATOR_MARK,
    DECORATOR_FIXTURE,
    DECORATOR_STATICMETHOD,
    DECORATOR_CLASSMETHOD,
    DECORATOR_PROPERTY,
    DECORATOR_NEUTRAL, /* known to keep the function collectable as it is */
    DECORATOR_PATCH,   /* mock.patch...: consumes one positional argument */
    DECORATOR_UNKNOWN,
};

struct extractor {
    struct ft_arena *arena;
    const char *source;
    const struct disc_patterns *patterns;
    bool is_conftest;
    struct disc_module *module;
    struct namespace module_namespace;
    struct alias *aliases;
    size_t alias_count, alias_capacity;
    size_t item_capacity, fixture_capacity, warning_capacity;
    /* Per warning (same index), the key that sorts warnings into pytest's
     * emission order: the collector path of who emits it (see
     * add_warning in warning.c). */
    const char **warning_order;
    size_t warning_order_count, warning_order_capacity;
    struct lit_scope scope;
};

/* Grows an arena vector by one zeroed element and returns it (NULL when out
 * of memory). The old storage stays in the arena: vectors here are small. */
void *ex_push(struct extractor *ex, void **array, size_t *count, size_t *capacity, size_t size);
#define EX_PUSH(ex, array, count, capacity)                                                        \
    ex_push((ex), (void **)&(array), &(count), &(capacity), sizeof *(array))

/* Flags the module dynamic. The first reason (printf format) is kept,
 * prefixed with the 1-based line of node unless it is a null node, for
 * --explain. */
void ex_mark_dynamic(struct extractor *ex, TSNode node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Node text as an arena string (NULL when out of memory). */
char *ex_text(struct extractor *ex, TSNode node);
bool ex_is(const struct extractor *ex, TSNode node, const char *text);
bool ex_type_is(TSNode node, const char *type);

/* --- marks.c --- */

/* The alias target of an imported name, ALIAS_NONE when it is none. */
enum alias_target ex_alias(const struct extractor *ex, const char *name, size_t length);
/* Records the aliases an import statement binds. */
void ex_note_import(struct extractor *ex, TSNode statement);
/* Parses a mark expression (pytest.mark.x, mark.x(...)); false when expr is
 * not one. */
bool ex_parse_mark(struct extractor *ex, TSNode expr, struct mark_ref *out);
/* Appends the marks of a pytestmark / marks= value: one mark, or a list or
 * tuple of marks. False when any part is not a mark we can read. */
bool ex_collect_marks(struct extractor *ex, TSNode value, struct mark_list *out);
/* What a decorator does; *mark is filled for DECORATOR_MARK. */
enum decorator_kind ex_classify_decorator(struct extractor *ex, TSNode expr,
                                          struct mark_ref *mark);
/* True for the pytest.param callable under any alias. */
bool ex_is_param_call(void *extractor, TSNode function);
/* True when expr is unittest.TestCase (or IsolatedAsyncioTestCase). */
bool ex_is_testcase_base(struct extractor *ex, TSNode expr);

/* --- parametrize.c --- */

/* One parametrized invocation: the ids joined by '-' and the marks of its
 * pytest.param()s. */
struct callspec {
    const char *id;
    struct mark_list marks;
};

/* Expands the parametrize marks among marks (in iter_markers order) for a
 * function taking argnames. *out_calls gets count callspecs (0 when there
 * is no parametrize mark). Returns false when the result cannot be known
 * statically (names, calls, ids= callables, bad argnames...): the item is
 * then dynamic. Arena-allocated. */
bool ex_expand_parametrize(struct extractor *ex, const struct mark_ref *marks, size_t mark_count,
                           const char *const *argnames, size_t argname_count,
                           struct callspec **out_calls, size_t *out_count);

#endif
