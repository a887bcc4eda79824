/* The discovery step of a run: static discovery, the engine's import for
 * the files static discovery could not decide, selection, and the
 * session's item list. */
#include "run/steps.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "config/ini_types.h"
#include "discovery/discover.h"
#include "discovery/not_found.h"
#include "plan/plan.h"
#include "select/select.h"
#include "session/event_copy.h"
#include "python/engine.h"
#include "python/engine_mode.h"
#include "run/cache_order.h"
#include "run/engine_items.h"
#include "session/session.h"

/* An ini value of pytest's `args` type, split; the command line's own
 * lists are taken as they are. */
struct settings_lists {
    struct cfg_list testpaths, python_files, python_classes, python_functions, norecursedirs;
    char invocation_dir[PATH_MAX];
};

static int split_ini(const struct fastest_session *session, const char *key,
                     struct cfg_list *out, char **out_error)
{
    size_t count;
    const char *const *values = opt_values(session->ini, key, &count);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < count; i++)
        rc = cfg_split_args(values[i], out, out_error);
    return rc;
}

static void free_lists(struct settings_lists *lists)
{
    cfg_list_free(&lists->testpaths);
    cfg_list_free(&lists->python_files);
    cfg_list_free(&lists->python_classes);
    cfg_list_free(&lists->python_functions);
    cfg_list_free(&lists->norecursedirs);
}

#define LIST_OR_DEFAULT(list) ((list).count ? (const char *const *)(list).items : NULL)

static int fill_settings(const struct fastest_session *session, struct settings_lists *lists,
                         struct disc_settings *settings, char **out_error)
{
    /* Arguments are relative to where fastest was started, which need
     * not be rootdir (`fastest examples/quickstart` from the repository). */
    if (!getcwd(lists->invocation_dir, sizeof lists->invocation_dir))
        return FASTEST_EIO;
    int rc = split_ini(session, "testpaths", &lists->testpaths, out_error);
    if (rc == 0)
        rc = split_ini(session, "python_files", &lists->python_files, out_error);
    if (rc == 0)
        rc = split_ini(session, "python_classes", &lists->python_classes, out_error);
    if (rc == 0)
        rc = split_ini(session, "python_functions", &lists->python_functions, out_error);
    if (rc == 0)
        rc = split_ini(session, "norecursedirs", &lists->norecursedirs, out_error);
    if (rc)
        return rc;
    const struct ft_options *options = session->options;
    *settings = (struct disc_settings){
        .rootdir = session->rootdir,
        .invocation_dir = lists->invocation_dir,
        .testpaths = (const char *const *)lists->testpaths.items,
        .testpath_count = lists->testpaths.count,
        .python_files = LIST_OR_DEFAULT(lists->python_files),
        .python_file_count = lists->python_files.count,
        .python_classes = LIST_OR_DEFAULT(lists->python_classes),
        .python_class_count = lists->python_classes.count,
        .python_functions = LIST_OR_DEFAULT(lists->python_functions),
        .python_function_count = lists->python_functions.count,
        .norecursedirs = LIST_OR_DEFAULT(lists->norecursedirs),
        .norecursedir_count = lists->norecursedirs.count,
        .keyword = opt_get(options, "keyword"),
        .markexpr = opt_get(options, "markexpr"),
        .keep_duplicates = opt_is_true(options, "keepduplicates"),
        .use_cache = true,
        .cache_clear = opt_is_true(options, "cacheclear"),
        .cache_read_only = opt_plugin_disabled(options, "cacheprovider"),
        .extract_threads = session_host()->cpu_count(),
    };
    settings->args = opt_values(options, "file_or_dir", &settings->arg_count);
    settings->ignore = opt_values(options, "ignore", &settings->ignore_count);
    settings->ignore_glob = opt_values(options, "ignore_glob", &settings->ignore_glob_count);
    settings->deselect = opt_values(options, "deselect", &settings->deselect_count);
    return 0;
}

/* The testpaths the header names (", testpaths: a, b"), as
 * fastest_header_testpaths. */
static int note_testpaths(struct fastest_session *session, const struct cfg_list *testpaths)
{
    char *joined = ft_join((const char *const *)testpaths->items, testpaths->count, ", ");
    if (!joined)
        return FASTEST_ENOMEM;
    int rc = opt_set(session->options, "fastest_header_testpaths", joined);
    free(joined);
    return rc;
}

static const char *node_kind_name(enum plan_node_kind kind)
{
    return kind == PLAN_NODE_TESTCASE_FUNCTION ? "TestCaseFunction" : "Function";
}

static int add_session_item(struct fastest_session *session, const struct plan_item *item)
{
    struct ft_session_item copy = {
        .node_id = (char *)item->node_id,
        .path = (char *)item->path,
        .class_name = (char *)item->class_name,
        .group = (char *)item->xdist_group,
        .has_timeout_mark = item->has_timeout_mark,
        .timeout_mark = item->timeout_mark,
        .shares_fixtures = item->shares_fixtures,
        .node_kind = node_kind_name(item->node_kind),
        .recorded_duration = -1,
    };
    return session_add_item(session, &copy);
}

/* True when a selected item comes from a file the engine did not import
 * (--collect-only leaves files static discovery could decide alone). */
static bool has_static_items(struct ft_plan *plan, const struct engine_order *order)
{
    for (size_t i = 0; i < plan_item_count(plan); i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (item && !item->deselected &&
            (!order->imported_files || !order->imported_files[item->file_index]))
            return true;
    }
    return false;
}

/* Adds the engine's items in its order, each found in the plan where
 * add_engine_item placed it under its own node id (one missing would
 * silently never run); add false only checks that. */
static int add_engine_order(struct fastest_session *session, struct ft_plan *plan,
                            const struct engine_order *order, bool add, char **out_error)
{
    struct item_index index = {0};
    int rc = item_index_build(plan, &index);
    for (size_t i = 0; rc == 0 && i < order->count; i++) {
        struct plan_item *item = item_index_find(&index, order->node_ids[i]);
        if (!item) {
            if (asprintf(out_error,
                         "internal error: the engine's item %s has no place in the plan; "
                         "please report it",
                         order->node_ids[i]) < 0)
                *out_error = NULL;
            rc = FASTEST_EINVAL;
        } else if (add && !item->deselected) {
            rc = add_session_item(session, item);
        }
    }
    item_index_free(&index);
    return rc;
}

/* The selected items in run order. When the engine built every one (a
 * run), its order: pytest's, which may move items across files for
 * higher-scoped parametrized fixtures. When some files stayed static
 * (--collect-only), file order, as pytest lists them, an imported file's
 * items in the order the engine built them. */
static int fill_session(struct fastest_session *session, struct ft_plan *plan,
                        const struct engine_order *order, char **out_error)
{
    bool in_file_order = has_static_items(plan, order);
    int rc = add_engine_order(session, plan, order, !in_file_order, out_error);
    session->deselected_count += order->deselected_count;
    session->dropped_count += order->dropped_count;
    for (size_t i = 0; rc == 0 && i < plan_item_count(plan); i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (!item)
            return FASTEST_ENOMEM;
        if (item->deselected)
            session->deselected_count++;
        else if (in_file_order)
            rc = add_session_item(session, item);
    }
    return rc;
}

void run_keep_event(void *context, const struct fastest_event *event)
{
    struct run_collection *collection = context;
    struct fastest_event **grown =
        realloc(collection->events, (collection->event_count + 1) * sizeof(*grown));
    struct fastest_event *copy = grown ? event_copy(collection->arena, event) : NULL;
    if (grown)
        collection->events = grown;
    if (copy)
        collection->events[collection->event_count++] = copy;
}

int run_keep_lines(struct fastest_session *session,
                   int (*lines_of)(struct fastest_session *, char **, char **), const char *option,
                   char **out_error)
{
    char *lines = NULL;
    int rc = lines_of(session, &lines, out_error);
    if (rc == 0 && lines && *lines)
        rc = opt_set(session->options, option, lines);
    free(lines);
    return rc;
}

/* Collection warnings static discovery found, for the files the engine
 * did not import (those report their own). */
static void static_warnings(struct ft_plan *plan, const struct engine_order *order,
                            struct run_collection *collection)
{
    for (size_t i = 0; i < plan_warning_count(plan); i++) {
        const struct plan_warning *warning = plan_warning_at(plan, i);
        if (order->imported_files && order->imported_files[warning->file_index])
            continue;
        struct fastest_event event = {
            .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
            .kind = FASTEST_EVENT_WARNING,
            .node_id = "",
            .location_path = warning->location_path,
            .location_line = warning->location_line,
            .warning_message = warning->warning_message,
            .warning_category = warning->category,
        };
        run_keep_event(collection, &event);
    }
}

/* Reports for files static discovery found broken without needing an
 * import to say how (the others come from the engine). */
static void static_error_reports(struct ft_plan *plan, struct run_collection *collection)
{
    for (size_t i = 0; i < plan_file_count(plan); i++) {
        const struct plan_file *file = plan_file_at(plan, i);
        if (!file->error || (file->flags & PLAN_FILE_ERROR_NEEDS_IMPORT))
            continue;
        struct fastest_event report = {
            .header = FASTEST_STRUCT_HEADER_INIT(struct fastest_event),
            .kind = FASTEST_EVENT_COLLECT_REPORT,
            .node_id = file->path,
            .outcome = FASTEST_OUTCOME_FAILED,
            .longrepr = file->error,
            /* pytest's CollectReport.location: (fspath, None, fspath). */
            .location_path = file->path,
            .location_domain = file->path,
            .location_line = -1,
        };
        run_keep_event(collection, &report);
    }
}

void run_collection_free(struct run_collection *collection)
{
    arena_free(collection->arena);
    free(collection->events);
    free(collection->usage_error);
    *collection = (struct run_collection){0};
}

/* Whether a conftest has one of these flags (plan_file_flag). */
static bool conftest_flagged(struct ft_plan *plan, unsigned flags)
{
    for (size_t i = 0; i < plan_conftest_count(plan); i++)
        if (plan_conftest_at(plan, i)->flags & flags)
            return true;
    return false;
}

/* misses (static discovery's, taken) with the node id arguments whose
 * import built none of the tests they name, where static discovery left
 * the decision to the import or found some (its import failed): pytest's
 * usage error, or NULL when there is none (or out of memory). */
static char *add_unnamed_arguments(const struct fastest_session *session, struct ft_plan *plan,
                                   const struct engine_order *order, char *misses)
{
    for (size_t i = 0; i < plan_file_count(plan); i++) {
        const struct plan_file *file = plan_file_at(plan, i);
        bool left_to_import = (file->flags & PLAN_FILE_DYNAMIC) || order->static_counts[i];
        if (file->selector && left_to_import && order->imported_files[i] && !order->named_counts[i])
            misses = disc_add_miss(
                misses, disc_not_found_message(session->rootdir, file->path, file->selector));
    }
    return misses;
}

/* A run imports every collected file; --collect-only stays static (no
 * import: its speed is the point) unless a conftest's
 * pytest_collection_modifyitems or pytest_make_parametrize_id decides
 * which items there are or their names, its pytest_report_header adds to
 * the header or its session hooks run. */
static bool must_import_all(const struct fastest_session *session, struct ft_plan *plan)
{
    return !opt_is_true(session->options, "collectonly") ||
           conftest_flagged(plan, PLAN_FILE_DECIDES_ITEMS | PLAN_FILE_REPORTS_HEADER |
                                      PLAN_FILE_SESSION_HOOKS);
}

int run_discover(struct fastest_session *session, struct pc_recorder *pytest_cache,
                 struct run_collection *out, char **out_error)
{
    struct cache_collect cache_collect = {0};
    *out_error = NULL;
    *out = (struct run_collection){.arena = arena_new()};
    struct settings_lists lists = {0};
    struct disc_settings settings;
    struct ft_plan *plan = plan_new();
    if (!plan || !out->arena) {
        plan_free(plan);
        return FASTEST_ENOMEM;
    }
    struct sel_counts counts;
    struct engine_order order = {0};
    int rc = fill_settings(session, &lists, &settings, out_error);
    if (rc == 0 && disc_args_from_testpaths(&settings))
        rc = note_testpaths(session, &lists.testpaths);
    /* Options that only pytest can honour skip static discovery. */
    if (rc == 0)
        rc = pyh_engine_mode_from_options(session, out_error);
    /* Arguments that collect nothing (pytest's usage error once it has
     * collected what the others name, unless the pytest engine runs and
     * says it itself). */
    char *misses = NULL;
    if (rc == 0 && !pyh_engine_is_pytest(session))
        rc = disc_run(&settings, plan, &misses, out_error);
    /* An argument that names no file: pytest collects nothing at all. */
    if (rc == FASTEST_EUSAGE) {
        out->usage_error = *out_error;
        *out_error = NULL;
        rc = 0;
        goto done;
    }
    if (rc == 0 && !pyh_engine_is_pytest(session))
        rc = pyh_engine_mode_from_plan(session, plan);
    if (rc == 0 && pyh_engine_is_pytest(session)) {
        rc = run_discover_pytest(session, out, out_error);
        if (rc == 0)
            rc = run_cache_record_items(session, pytest_cache);
        goto done;
    }
    if (rc == 0)
        rc = sel_apply(&settings, plan, &counts, out_error);
    /* A bad -k/-m: pytest has collected every item, and runs none (an
     * argument collecting nothing stops it before it reads them). */
    if (rc == FASTEST_EUSAGE) {
        out->usage_error = misses ? misses : *out_error;
        if (misses)
            free(*out_error);
        misses = NULL;
        *out_error = NULL;
        rc = fill_session(session, plan, &order, out_error);
        goto done;
    }
    if (rc == 0)
        rc = engine_import_files(session, plan, must_import_all(session, plan), &order, out_error);
    /* pytest collects what the other arguments name, and runs nothing. */
    if (rc == 0) {
        out->usage_error = add_unnamed_arguments(session, plan, &order, misses);
        misses = NULL;
    }
    if (rc == 0 && order.engine_collected)
        rc = run_restart_if_pytest_needed(session, out_error);
    /* The engine's items are selected as static ones are. */
    if (rc == 0 && order.count)
        rc = sel_apply(&settings, plan, &counts, out_error);
    if (rc == 0)
        rc = run_cache_collect(session, pytest_cache, plan, &cache_collect);
    if (rc == 0)
        rc = fill_session(session, plan, &order, out_error);
    /* The initial conftests' pytest_report_header, once the engine has
     * loaded them (a conftest defining it makes --collect-only start it). */
    if (rc == 0 && session->engine)
        rc =
            run_keep_lines(session, pyh_engine_report_header, "fastest_conftest_header", out_error);
    if (rc == 0) {
        static_error_reports(plan, out);
        static_warnings(plan, &order, out);
        rc = pyh_engine_collection_events(session, run_keep_event, out, out_error);
        /* A UsageError once the items were collected (a conftest's
         * pytest_collection_modifyitems, --strict-config): pytest reports
         * what it collected, and runs nothing. */
        if (rc == FASTEST_EUSAGE) {
            if (out->usage_error)
                free(*out_error); /* an argument naming nothing came first */
            else
                out->usage_error = *out_error;
            *out_error = NULL;
            rc = 0;
        }
    }
    if (rc == 0)
        rc = run_cache_order(session, pytest_cache, &cache_collect, out);
    /* The native engine's session hooks see which items were selected
     * (and which not), pytest_collection_finish first. */
    if (rc == 0 && session->engine && !pyh_engine_is_pytest(session) &&
        conftest_flagged(plan, PLAN_FILE_SESSION_HOOKS))
        rc = run_keep_lines(session, pyh_engine_finish_collection,
                            "fastest_collection_finish_output", out_error);
done:
    free(misses);
    run_cache_collect_free(&cache_collect);
    engine_order_free(&order);
    free_lists(&lists);
    plan_free(plan);
    return rc;
}
