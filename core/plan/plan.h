/* The test plan: what discovery found, in pytest's collection order.
 *
 * Files (test modules, each with its items), the conftest files seen on the
 * way, and the fixture definitions found in both. Everything the plan holds
 * is owned by the plan and freed at once by plan_free; the pointers returned
 * by the accessors stay valid until then, except that adding or clearing
 * items invalidates earlier plan_item_at pointers.
 *
 * Items can be added later: the engine imports a `dynamic` module and hands
 * back its real items with plan_clear_file_items + plan_add_item, which keep
 * them at that module's position.
 */
#ifndef FT_PLAN_PLAN_H
#define FT_PLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan/arena.h"

/* pytest's node class of an item. */
enum plan_node_kind {
    PLAN_NODE_FUNCTION = 0,          /* "Function" */
    PLAN_NODE_TESTCASE_FUNCTION = 1, /* "TestCaseFunction" (unittest) */
};

enum plan_file_flag {
    /* Static discovery could not decide every item: import to resolve. */
    PLAN_FILE_DYNAMIC = 1u << 0,
    /* Imports `_pytest`: only the real pytest engine can run it. */
    PLAN_FILE_USES_PYTEST_INTERNALS = 1u << 1,
    /* Defines `pytest_*` hooks or `pytest_plugins`. */
    PLAN_FILE_HAS_HOOKS = 1u << 2,
    /* error holds a collection error whose exact text (a traceback) only an
     * import reproduces: the engine should re-create it by importing. */
    PLAN_FILE_ERROR_NEEDS_IMPORT = 1u << 3,
    /* Defines hooks (or `pytest_plugins`) the native engine does not run
     * (pyh_native_hook): only the real pytest engine can run the suite. */
    PLAN_FILE_HAS_FOREIGN_HOOKS = 1u << 4,
    /* Defines pytest_collection_modifyitems or pytest_make_parametrize_id:
     * which items exist, in what order and under which names is known only
     * once the engine has run them (so even --collect-only imports). */
    PLAN_FILE_DECIDES_ITEMS = 1u << 5,
    /* Defines pytest_report_header: the header's lines are known only once
     * the engine has imported it (so even --collect-only starts it). */
    PLAN_FILE_REPORTS_HEADER = 1u << 6,
    /* Defines pytest_collection_finish, pytest_sessionstart,
     * pytest_sessionfinish, pytest_terminal_summary or pytest_unconfigure:
     * pytest runs them for --collect-only too (so it starts the engine). */
    PLAN_FILE_SESSION_HOOKS = 1u << 7,
};

/* One mark: @pytest.mark.NAME(ARGS). args is the source text of the call's
 * arguments including the parentheses ("(reason='x')"), or NULL for a bare
 * mark. */
struct plan_mark {
    const char *name;
    const char *args;
};

struct plan_item {
    const char *node_id;       /* "tests/test_x.py::TestA::test_b[1]" (set by the plan) */
    const char *path;          /* the file, rootdir-relative with '/' (set by the plan) */
    const char *class_name;    /* "TestA", "TestA::TestInner" when nested, NULL at module level */
    const char *function_name; /* "test_b": the def's name, without parameters */
    const char *name;          /* "test_b[1]": pytest's item name */
    int line;                  /* 0-based line of the def (of its first decorator), pytest's location */
    enum plan_node_kind node_kind;
    const char *xdist_group; /* the xdist_group mark's name, or NULL */
    /* The timeout mark's seconds (0: none), known once the engine built the
     * item; without the mark --timeout applies. */
    bool has_timeout_mark;
    double timeout_mark;
    /* It uses a class-, module- or package-scoped fixture (known once the
     * engine built it): its unit stays on one worker. */
    bool shares_fixtures;
    /* Marks in pytest's iter_markers order: the function's own (parameter
     * marks included), then its classes' from inner to outer, then the
     * module's. */
    const struct plan_mark *marks;
    size_t mark_count;
    /* pytest's keyword set for -k: node names up the chain, mark names and
     * extra keywords. */
    const char *const *keywords;
    size_t keyword_count;
    size_t file_index; /* into plan_file_at (set by the plan) */
    /* A placeholder: the function exists but its parametrization is only
     * known after import (its file is PLAN_FILE_DYNAMIC). */
    bool dynamic;
    const char *dynamic_reason; /* why it is dynamic (for --explain), or NULL */
    bool deselected; /* set by selection */
};

struct plan_file {
    const char *path;  /* rootdir-relative, '/' separators */
    const char *error; /* collection error text, or NULL */
    uint32_t flags;    /* enum plan_file_flag */
    /* Why it is PLAN_FILE_DYNAMIC ("line 3: ..."), for --explain; or NULL. */
    const char *dynamic_reason;
    /* What the argument that collected the file named below it
     * ("TestA::test_b" from `path::TestA::test_b`), or NULL when it named
     * the whole file: items built later by an import must match it too. */
    const char *selector;
};

enum plan_fixture_scope {
    PLAN_SCOPE_FUNCTION = 0,
    PLAN_SCOPE_CLASS,
    PLAN_SCOPE_MODULE,
    PLAN_SCOPE_PACKAGE,
    PLAN_SCOPE_SESSION,
    PLAN_SCOPE_DYNAMIC, /* scope= given as something else than a literal */
};

struct plan_fixture {
    const char *name;  /* the fixture's name (name= when given) */
    const char *path;  /* the defining file, rootdir-relative */
    const char *class_name; /* the class it is defined in, or NULL */
    int line;          /* 0-based */
    enum plan_fixture_scope scope;
    bool autouse;
    bool has_params;     /* params= given */
    bool params_literal; /* ... and its value is a literal */
};

/* A warning pytest emits while collecting (PytestCollectionWarning), with
 * what a reporter needs to show it as pytest does (a WARNING event with
 * nodeid "" and when "collect"). Plan order is pytest's emission order. */
struct plan_warning {
    /* warning_message.filename: the rootdir-relative path for an item's
     * warning (yield tests), the absolute one for a class's (constructor). */
    const char *location_path;
    int location_line;    /* 1-based */
    const char *category; /* "PytestCollectionWarning" */
    /* pytest's warning_record_to_str: "PATH:LINE: CATEGORY: MESSAGE\n  SOURCE\n"
     * (docs/engine-events.md's warning_message). */
    const char *warning_message;
    size_t file_index; /* the test file it was found in (plan_file_at) */
};

struct ft_plan;

/* A new empty plan, or NULL when out of memory. Free with plan_free. */
struct ft_plan *plan_new(void);
void plan_free(struct ft_plan *plan);

/* The plan's arena: memory that lives exactly as long as the plan. */
struct ft_arena *plan_arena(struct ft_plan *plan);

/* Appends a test file (path and error are copied). *out_index receives its
 * index when out_index is not NULL. Returns 0 or FASTEST_ENOMEM. */
int plan_add_file(struct ft_plan *plan, const char *path, uint32_t flags, const char *error,
                  size_t *out_index);
/* Flags a file PLAN_FILE_DYNAMIC. The first reason given is kept (copied;
 * NULL for none). Returns 0 or FASTEST_ENOMEM. */
int plan_set_file_dynamic(struct ft_plan *plan, size_t file_index, const char *reason);
/* Records the argument's parts below the file (copied). Returns 0,
 * FASTEST_EINVAL for a bad index, FASTEST_ENOMEM. */
int plan_set_file_selector(struct ft_plan *plan, size_t file_index, const char *selector);
/* The length of the node-id part text starts with ("TestA" in
 * "TestA::test_b[1]"): up to the next "::", or to the end once a '['
 * opens the parameters, whose ids may hold ':', "::" and '['. */
size_t plan_node_id_part(const char *text);
/* The last part of node-id parts ("A::test_b[c:d]" -> "test_b[c:d]"; the
 * text itself when it has one part): the item's name. */
const char *plan_node_id_name(const char *parts);
/* The classes before that name ("A::B::test_c[x]" -> "A::B", malloc'd;
 * the caller frees it), or NULL for a module-level item (or out of
 * memory). */
char *plan_node_id_class_chain(const char *parts);
/* Whether an item's node id suffix below its file ("TestA::test_b[1]")
 * is one the selector names, by pytest's rules: each part names the node
 * at its depth, and the last may name a function without its parameters. */
bool plan_selector_matches(const char *selector, const char *suffix);

/* Appends a conftest.py (same contract as plan_add_file). */
int plan_add_conftest(struct ft_plan *plan, const char *path, uint32_t flags, const char *error);

/* Appends an item at the end of file file_index's items. The item and
 * everything it points to are copied; node_id, path and file_index are
 * computed from the file and the item's class_name and name. Returns 0,
 * FASTEST_EINVAL for a bad file index or a missing name, FASTEST_ENOMEM. */
int plan_add_item(struct ft_plan *plan, size_t file_index, const struct plan_item *item);
/* Drops every item of a file (before the engine adds the imported ones). */
void plan_clear_file_items(struct ft_plan *plan, size_t file_index);

/* Appends a fixture definition (copied). Returns 0 or FASTEST_ENOMEM. */
int plan_add_fixture(struct ft_plan *plan, const struct plan_fixture *fixture);

/* Appends a warning (copied). Returns 0 or FASTEST_ENOMEM. */
int plan_add_warning(struct ft_plan *plan, const struct plan_warning *warning);
size_t plan_warning_count(const struct ft_plan *plan);
const struct plan_warning *plan_warning_at(const struct ft_plan *plan, size_t index);

size_t plan_file_count(const struct ft_plan *plan);
const struct plan_file *plan_file_at(const struct ft_plan *plan, size_t index);
/* Items of one file, in collection order. */
size_t plan_file_item_count(const struct ft_plan *plan, size_t file_index);

size_t plan_conftest_count(const struct ft_plan *plan);
const struct plan_file *plan_conftest_at(const struct ft_plan *plan, size_t index);

size_t plan_fixture_count(const struct ft_plan *plan);
const struct plan_fixture *plan_fixture_at(const struct ft_plan *plan, size_t index);

/* All items of all files in collection order. plan_item_at returns NULL for
 * an index out of range, or when out of memory rebuilding the index after a
 * change. Items are mutable so that selection can mark them. */
size_t plan_item_count(const struct ft_plan *plan);
struct plan_item *plan_item_at(struct ft_plan *plan, size_t index);

/* A test that more than one argument collects (`a.py .`, `a.py a.py`,
 * `a.py::t a.py`; pytest builds and runs it once per such argument), as
 * its node id; or a module two arguments name whose items are known only
 * on import (dynamic) or that fails to collect, as its path; or NULL. */
const char *plan_collected_twice(struct ft_plan *plan);

/* Items not deselected. */
size_t plan_selected_count(const struct ft_plan *plan);

#endif
