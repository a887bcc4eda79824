/* The discovery step of a run: static discovery, the engine's import for
 * the files static discovery could not decide, selection, and the
 * session's item list. */
#include "run/steps.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "config/ini_types.h"
#include "discovery/discover.h"
#include "plan/plan.h"
#include "select/select.h"
#include "session/event_copy.h"
#include "python/engine.h"
#include "session/session.h"

/* An ini value of pytest's `args` type, split; the command line's own
 * lists are taken as they are. */
struct settings_lists {
    struct cfg_list testpaths, python_files, python_classes, python_functions, norecursedirs;
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
        .use_cache = !opt_is_true(options, "cache_clear"),
    };
    settings->args = opt_values(options, "file_or_dir", &settings->arg_count);
    settings->ignore = opt_values(options, "ignore", &settings->ignore_count);
    settings->ignore_glob = opt_values(options, "ignore_glob", &settings->ignore_glob_count);
    settings->deselect = opt_values(options, "deselect", &settings->deselect_count);
    return 0;
}

/* Replaces a dynamic file's placeholder items with the engine's. */
struct engine_items {
    struct ft_plan *plan;
    size_t file_index;
};

static int add_engine_item(void *context, const struct pyh_collected_item *collected)
{
    struct engine_items *target = context;
    const char *name = strrchr(collected->node_id, ':');
    name = name ? name + 1 : collected->node_id;
    /* The class chain sits between the path and the name. */
    char *class_name = NULL;
    const char *after_path = strstr(collected->node_id, "::");
    if (after_path && after_path + 2 < name - 2)
        class_name = strndup(after_path + 2, (size_t)(name - 2 - (after_path + 2)));
    char *function_name = strndup(name, strcspn(name, "["));
    struct plan_mark *marks = calloc(collected->mark_count + 1, sizeof(*marks));
    for (size_t i = 0; marks && i < collected->mark_count; i++)
        marks[i].name = collected->marks[i];
    struct plan_item item = {
        .class_name = class_name,
        .function_name = function_name,
        .name = name,
        .line = collected->line,
        .node_kind = collected->node_kind && strcmp(collected->node_kind, "TestCaseFunction") == 0
                         ? PLAN_NODE_TESTCASE_FUNCTION
                         : PLAN_NODE_FUNCTION,
        .marks = marks,
        .mark_count = collected->mark_count,
        .keywords = collected->keywords,
        .keyword_count = collected->keyword_count,
    };
    int rc = function_name && marks ? plan_add_item(target->plan, target->file_index, &item)
                                    : FASTEST_ENOMEM;
    free(marks);
    free(class_name);
    free(function_name);
    return rc;
}

/* True when static discovery left the file to the engine: its items are
 * placeholders of which some survived selection, or its error text needs
 * the import to be pytest's. */
static bool needs_engine(struct ft_plan *plan, size_t file_index)
{
    const struct plan_file *file = plan_file_at(plan, file_index);
    if (file->flags & PLAN_FILE_ERROR_NEEDS_IMPORT)
        return true;
    if (!(file->flags & PLAN_FILE_DYNAMIC) || file->error)
        return false;
    for (size_t i = 0; i < plan_item_count(plan); i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (item && item->file_index == file_index && !item->deselected)
            return true;
    }
    return false;
}

/* Has the engine import the files static discovery could not decide and
 * replaces their placeholders with the real items. Sets *out_resolved when
 * any file was imported. */
static int resolve_with_engine(struct fastest_session *session, struct ft_plan *plan,
                               bool *out_resolved, char **out_error)
{
    *out_resolved = false;
    for (size_t i = 0; i < plan_file_count(plan); i++) {
        if (!needs_engine(plan, i))
            continue;
        const char *path = plan_file_at(plan, i)->path;
        plan_clear_file_items(plan, i);
        struct engine_items target = {plan, i};
        int rc = pyh_engine_collect(session, &path, 1, add_engine_item, &target, out_error);
        if (rc)
            return rc;
        *out_resolved = true;
    }
    return 0;
}

static const char *node_kind_name(enum plan_node_kind kind)
{
    return kind == PLAN_NODE_TESTCASE_FUNCTION ? "TestCaseFunction" : "Function";
}

static int fill_session(struct fastest_session *session, struct ft_plan *plan)
{
    for (size_t i = 0; i < plan_item_count(plan); i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (!item)
            return FASTEST_ENOMEM;
        if (item->deselected) {
            session->deselected_count++;
            continue;
        }
        struct ft_session_item copy = {
            .node_id = (char *)item->node_id,
            .path = (char *)item->path,
            .class_name = (char *)item->class_name,
            .group = (char *)item->xdist_group,
            .node_kind = node_kind_name(item->node_kind),
            .recorded_duration = -1,
        };
        int rc = session_add_item(session, &copy);
        if (rc)
            return rc;
    }
    return 0;
}

static void keep_report(void *context, const struct fastest_event *event)
{
    struct run_collection *collection = context;
    struct fastest_event **grown =
        realloc(collection->reports, (collection->report_count + 1) * sizeof(*grown));
    struct fastest_event *copy = grown ? event_copy(collection->arena, event) : NULL;
    if (grown)
        collection->reports = grown;
    if (copy)
        collection->reports[collection->report_count++] = copy;
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
        keep_report(collection, &report);
    }
}

void run_collection_free(struct run_collection *collection)
{
    arena_free(collection->arena);
    free(collection->reports);
    *collection = (struct run_collection){0};
}

int run_discover(struct fastest_session *session, struct run_collection *out, char **out_error)
{
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
    bool resolved = false;
    int rc = fill_settings(session, &lists, &settings, out_error);
    if (rc == 0)
        rc = disc_run(&settings, plan, out_error);
    if (rc == 0)
        rc = sel_apply(&settings, plan, &counts, out_error);
    if (rc == 0)
        rc = resolve_with_engine(session, plan, &resolved, out_error);
    /* The engine's items are selected as static ones are. */
    if (rc == 0 && resolved)
        rc = sel_apply(&settings, plan, &counts, out_error);
    if (rc == 0)
        rc = fill_session(session, plan);
    if (rc == 0) {
        static_error_reports(plan, out);
        rc = pyh_engine_collect_reports(session, keep_report, out, out_error);
    }
    free_lists(&lists);
    plan_free(plan);
    return rc;
}
