/* The static extractor: what one Python file defines for pytest, read from
 * its tree-sitter syntax tree without importing it.
 *
 * The result depends only on the file's bytes and on the name patterns
 * (python_classes, python_functions), so it can be cached per file; what
 * depends on other files (conftest fixtures with params, their
 * pytest_generate_tests, the file's place in the package tree) is applied
 * by discovery afterwards.
 */
#ifndef FT_DISCOVERY_EXTRACT_H
#define FT_DISCOVERY_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan/arena.h"
#include "plan/plan.h"

struct disc_patterns {
    const char *const *python_classes;
    size_t python_class_count;
    const char *const *python_functions;
    size_t python_function_count;
};

/* One test item, or one placeholder for a function whose items only an
 * import can tell (dynamic). */
struct disc_item {
    const char *class_name;    /* "TestA" / "TestA::TestB", or NULL */
    const char *function_name; /* "test_x" */
    const char *name;          /* "test_x[1-a]" */
    int line;                  /* 0-based, the first decorator's line */
    enum plan_node_kind node_kind;
    const char *xdist_group;
    const struct plan_mark *marks; /* pytest's iter_markers order */
    size_t mark_count;
    /* Keywords known from the file alone: the item's and its classes'
     * names, mark names, names in the function's __dict__. The file's own
     * node names are added by discovery. */
    const char *const *keywords;
    size_t keyword_count;
    /* Fixtures the item requests by name (arguments and usefixtures): a
     * fixture with params among them (or among their dependencies) makes
     * the item dynamic. */
    const char *const *fixture_names;
    size_t fixture_count;
    bool dynamic;
    const char *dynamic_reason; /* why it is dynamic (for --explain), NULL when not */
};

struct disc_fixture {
    const char *name;
    const char *class_name;
    int line;
    enum plan_fixture_scope scope;
    bool autouse;
    bool has_params;
    bool params_literal;
    const char *const *argnames; /* the fixtures it requests */
    size_t argname_count;
};

/* Where pytest raises a PytestCollectionWarning from, which decides the
 * file name it is reported with. */
enum disc_warning_kind {
    /* Class.collect's `cannot collect test class ...`: the class's own
     * warning, reported with the file's absolute path. */
    DISC_WARNING_CLASS = 0,
    /* `yield tests were removed ...`: the item's warning, reported with
     * the rootdir-relative path of the item's location. */
    DISC_WARNING_ITEM = 1,
};

/* One PytestCollectionWarning, in the order pytest emits them (a collector
 * warns for its functions while it collects, before its classes collect). */
struct disc_warning {
    enum disc_warning_kind kind;
    int line;                 /* 0-based: the class's or def's first decorator */
    const char *message;      /* without the " (from: ...)" a class warning ends with */
    /* The collector that warns: the class ("A::B") for a class warning,
     * the enclosing class for an item's, NULL for the module. A node id
     * argument decides whether pytest collects (and so warns) it. */
    const char *collector;
    const char *source_line;  /* that line's text, stripped as warnings.formatwarning does */
};

struct disc_module {
    uint32_t flags;    /* enum plan_file_flag */
    /* Why the file is PLAN_FILE_DYNAMIC ("line 12: ..."): the first
     * reason met, for --explain and debugging; NULL when it is not. */
    const char *dynamic_reason;
    const char *error; /* collection error, or NULL */
    int error_line;    /* 0-based, or -1 */
    bool generates_tests; /* defines pytest_generate_tests at module level */
    bool names_parameters; /* defines pytest_make_parametrize_id (a conftest's) */
    struct disc_item *items;
    size_t item_count;
    struct disc_fixture *fixtures;
    size_t fixture_count;
    struct disc_warning *warnings;
    size_t warning_count;
    /* conftest.py's collect_ignore / collect_ignore_glob when literal. */
    const char *const *collect_ignore;
    size_t collect_ignore_count;
    const char *const *collect_ignore_glob;
    size_t collect_ignore_glob_count;
    bool collect_ignore_dynamic; /* defined, but not as a literal list */
};

/* Extracts a module (or a conftest.py when is_conftest: fixtures, hooks and
 * collect_ignore only) from source[0..length). A file Python would refuse
 * (syntax error, bad encoding, NUL bytes) is no failure: the module comes
 * back with error set. *out and everything in it live in arena. Returns 0,
 * or FASTEST_ENOMEM / FASTEST_EINVAL (the grammar cannot be loaded) with
 * *out_error set to a malloc'd message the caller frees. */
int disc_extract(struct ft_arena *arena, const char *source, size_t length,
                 const struct disc_patterns *patterns, bool is_conftest,
                 struct disc_module **out, char **out_error);

#endif
