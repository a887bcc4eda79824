/* Python literals read from the syntax tree, without running anything.
 *
 * lit_eval turns an expression node into a value when Python would compute
 * it without side effects from literals alone: numbers, strings, bytes,
 * booleans, None, tuples and lists of those, pytest.param(...) calls, names
 * of the module's own functions and classes (whose __name__ is known), and
 * names bound once to a literal at module level. Anything else comes back as
 * LIT_UNKNOWN: the caller then marks what depends on it `dynamic`.
 */
#ifndef FT_DISCOVERY_LITERAL_H
#define FT_DISCOVERY_LITERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "plan/arena.h"

enum lit_kind {
    LIT_UNKNOWN = 0,
    LIT_NONE,
    LIT_BOOL,
    LIT_INT,
    LIT_FLOAT,
    LIT_STR,   /* text: UTF-8, length bytes */
    LIT_BYTES, /* text: raw bytes, length bytes (may hold NUL) */
    LIT_TUPLE,
    LIT_LIST,
    LIT_NAMED, /* a function or class: text is its __name__ */
    LIT_PARAM, /* pytest.param(*items, id=, marks=) */
    LIT_OPAQUE, /* a dict or set display: a value without an id of its own */
};

struct lit_value {
    enum lit_kind kind;
    long long integer; /* LIT_INT, LIT_BOOL */
    double real;       /* LIT_FLOAT */
    const char *text;  /* LIT_STR, LIT_BYTES, LIT_NAMED */
    size_t length;
    const struct lit_value *const *items; /* LIT_TUPLE, LIT_LIST, LIT_PARAM's values */
    size_t item_count;
    /* LIT_PARAM only. */
    const char *param_id;  /* id= as given (not yet escaped), or NULL */
    bool param_id_unknown; /* id= given but not a string or None */
    TSNode param_marks;    /* the marks= expression; null node when absent */
};

/* How names are resolved: the extractor answers for the module it reads. */
struct lit_scope {
    const char *source;
    /* Value bound to a name, or NULL when unknown. May be NULL itself. */
    const struct lit_value *(*resolve)(void *context, const char *name, size_t length);
    /* True when the call's function is pytest.param (under any alias). */
    bool (*is_param_call)(void *context, TSNode function);
    void *context;
};

/* ts_node_named_child_count that accepts a null node (libtree-sitter 0.20
 * crashes on one): fields a statement leaves out come back null. */
static inline uint32_t lit_named_count(TSNode node)
{
    return ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
}

/* Evaluates node. The result and what it points to live in arena. Never
 * returns NULL: out of memory and unsupported input both give a value of
 * kind LIT_UNKNOWN. */
const struct lit_value *lit_eval(struct ft_arena *arena, const struct lit_scope *scope,
                                 TSNode node);

/* The node's source text, copied into the arena (NULL when out of memory). */
char *lit_node_text(struct ft_arena *arena, const char *source, TSNode node);
/* True when the node's source text equals text. */
bool lit_node_is(const char *source, TSNode node, const char *text);

#endif
