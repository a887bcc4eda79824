/* The discovery step of a run: static discovery, the engine's import for
 * the files static discovery could not decide, selection, and the
 * session's item list. */
#include "run/steps.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "config/ini_types.h"
#include "discovery/discover.h"
#include "plan/plan.h"
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
    struct plan_item item = {
        .class_name = class_name,
        .function_name = function_name,
        .name = name,
        .line = collected->line,
        .node_kind = collected->node_kind && strcmp(collected->node_kind, "TestCaseFunction") == 0
                         ? PLAN_NODE_TESTCASE_FUNCTION
                         : PLAN_NODE_FUNCTION,
        .keywords = collected->keywords,
        .keyword_count = collected->keyword_count,
    };
    int rc = function_name ? plan_add_item(target->plan, target->file_index, &item)
                           : FASTEST_ENOMEM;
    free(class_name);
    free(function_name);
    return rc;
}

static int resolve_dynamic_files(struct fastest_session *session, struct ft_plan *plan,
                                 char **out_error)
{
    for (size_t i = 0; i < plan_file_count(plan); i++) {
        const struct plan_file *file = plan_file_at(plan, i);
        if (!(file->flags & PLAN_FILE_DYNAMIC) || file->error)
            continue;
        plan_clear_file_items(plan, i);
        struct engine_items target = {plan, i};
        int rc = pyh_engine_collect(session, &file->path, 1, add_engine_item, &target, out_error);
        if (rc)
            return rc;
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

static int collect_errors(struct ft_plan *plan, struct exec_collect_error **out_errors,
                          size_t *out_count)
{
    *out_errors = NULL;
    *out_count = 0;
    for (size_t i = 0; i < plan_file_count(plan); i++) {
        const struct plan_file *file = plan_file_at(plan, i);
        if (!file->error)
            continue;
        struct exec_collect_error *grown =
            realloc(*out_errors, (*out_count + 1) * sizeof(*grown));
        if (!grown)
            return FASTEST_ENOMEM;
        *out_errors = grown;
        grown[*out_count].node_id = strdup(file->path);
        grown[*out_count].longrepr = strdup(file->error);
        (*out_count)++;
    }
    return 0;
}

void run_free_collect_errors(struct exec_collect_error *errors, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free((char *)errors[i].node_id);
        free((char *)errors[i].longrepr);
    }
    free(errors);
}

int run_discover(struct fastest_session *session, struct exec_collect_error **out_errors,
                 size_t *out_error_count, char **out_error)
{
    *out_error = NULL;
    *out_errors = NULL;
    *out_error_count = 0;
    struct settings_lists lists = {0};
    struct disc_settings settings;
    struct ft_plan *plan = plan_new();
    if (!plan)
        return FASTEST_ENOMEM;
    int rc = fill_settings(session, &lists, &settings, out_error);
    if (rc == 0)
        rc = disc_run(&settings, plan, out_error);
    if (rc == 0)
        rc = resolve_dynamic_files(session, plan, out_error);
    if (rc == 0)
        rc = fill_session(session, plan);
    if (rc == 0)
        rc = collect_errors(plan, out_errors, out_error_count);
    free_lists(&lists);
    plan_free(plan);
    return rc;
}
