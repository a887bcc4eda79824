#include "run/cache_order.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "run/execute.h"
#include "run/steps.h"
#include "session/session.h"

#define STOP_REASON "Test failed, continuing from this test next run."

int run_cache_stop_options(struct fastest_session *session, struct pc_recorder *recorder)
{
    if (!recorder || !recorder->stepwise)
        return 0;
    long limit = recorder->stepwise_skip ? 2 : 1;
    char limit_text[24], users_maxfail[24];
    snprintf(limit_text, sizeof limit_text, "%ld", limit);
    /* The engine's stepwise stop, and the console's line for it. */
    int rc = opt_set(session->options, RUN_STEPWISE_LIMIT, limit_text);
    if (rc == 0)
        rc = opt_set(session->options, "fastest_stop_reason", STOP_REASON);
    long maxfail = opt_get_long(session->options, "maxfail", 0);
    if (rc || (maxfail > 0 && maxfail <= limit))
        return rc; /* pytest's shouldfail comes first: "stopping after N failures" */
    /* pytest's stepwise stops on a failed test; collection errors count
     * towards the user's --maxfail alone. */
    snprintf(users_maxfail, sizeof users_maxfail, "%ld", maxfail > 0 ? maxfail : 0);
    rc = opt_set(session->options, RUN_COLLECTION_MAXFAIL, users_maxfail);
    recorder->stepwise_interrupts = true;
    return rc ? rc : opt_set(session->options, "maxfail", limit_text);
}

/* The file part of a node id, copied (malloc'd), or NULL. */
static char *file_of(const char *node_id)
{
    const char *colons = strstr(node_id, "::");
    return colons ? strndup(node_id, (size_t)(colons - node_id)) : strdup(node_id);
}

static bool exists_in(const char *rootdir, const char *path, const char *suffix)
{
    char full[PATH_MAX];
    struct stat info;
    return (size_t)snprintf(full, sizeof full, "%s/%s%s", rootdir, path, suffix) < sizeof full &&
           stat(full, &info) == 0;
}

/* In a package, a module is not one of the session's own collectors: only
 * those are sorted to the front by --lf. */
static bool in_package(const char *rootdir, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return exists_in(rootdir, "__init__.py", "");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s/__init__.py", (int)(slash - path), path);
    return exists_in(rootdir, dir, "");
}

/* LFPlugin.get_last_failed_paths, keeping only the files --lf sorts first. */
static int lf_first_files(const struct fastest_session *session, const struct pc_recorder *recorder,
                          struct string_set *lf_paths, struct string_set *first)
{
    size_t count;
    const char **names = string_set_list(&recorder->lastfailed, &count);
    if (count && !names)
        return FASTEST_ENOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < count; i++) {
        char *path = file_of(names[i]);
        if (!path)
            rc = FASTEST_ENOMEM;
        else if (exists_in(session->rootdir, path, "")) {
            rc = string_set_add(lf_paths, path);
            if (rc == 0 && !in_package(session->rootdir, path))
                rc = string_set_add(first, path);
        }
        free(path);
    }
    free(names);
    return rc;
}

/* session.isinitpath: the file was named on the command line. */
static bool named_on_command_line(const struct fastest_session *session, const char *path)
{
    char full[PATH_MAX], resolved[PATH_MAX], argument[PATH_MAX];
    if ((size_t)snprintf(full, sizeof full, "%s/%s", session->rootdir, path) >= sizeof full ||
        !realpath(full, resolved))
        return false;
    size_t count;
    const char *const *args = opt_values(session->options, "file_or_dir", &count);
    for (size_t i = 0; i < count; i++) {
        char *file = file_of(args[i]);
        bool same = file && realpath(file, argument) && strcmp(argument, resolved) == 0;
        free(file);
        if (same)
            return true;
    }
    return false;
}

/* Was an item of the module (or one of its top-level classes) a failure? */
static bool module_has_failure(const struct pc_recorder *recorder, struct ft_plan *plan,
                               size_t first, size_t count)
{
    for (size_t i = first; i < first + count; i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (!item)
            return false;
        if (!item->class_name) {
            if (string_set_contains(&recorder->lastfailed, item->node_id))
                return true;
            continue;
        }
        char class_id[PATH_MAX];
        snprintf(class_id, sizeof class_id, "%s::%.*s", item->path,
                 (int)strcspn(item->class_name, ":"), item->class_name);
        if (string_set_contains(&recorder->lastfailed, class_id))
            return true;
    }
    return false;
}

/* The module's kept items to the recorder (LFPlugin.pytest_collectreport). */
static int module_collected(struct pc_recorder *recorder, struct ft_plan *plan, size_t first,
                            size_t count, const bool *dropped, const char *path)
{
    const char **ids = malloc((count + 1) * sizeof(*ids));
    if (!ids)
        return FASTEST_ENOMEM;
    size_t kept = 0;
    for (size_t i = first; i < first + count; i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (item && !dropped[i])
            ids[kept++] = item->node_id;
    }
    int rc = pc_recorder_module_collected(recorder, path, ids, kept);
    free(ids);
    return rc;
}

int run_cache_collect(struct fastest_session *session, struct pc_recorder *recorder,
                      struct ft_plan *plan, struct cache_collect *out)
{
    *out = (struct cache_collect){0};
    if (!recorder)
        return 0;
    bool lf = opt_is_true(session->options, "lf") && recorder->lastfailed.live;
    struct string_set lf_paths = {0};
    size_t file_count = plan_file_count(plan);
    size_t *starts = calloc(file_count + 1, sizeof(*starts));
    size_t *order = calloc(file_count + 1, sizeof(*order));
    bool *dropped = calloc(plan_item_count(plan) + 1, sizeof(*dropped));
    int rc = starts && order && dropped ? 0 : FASTEST_ENOMEM;
    if (rc == 0 && lf)
        rc = lf_first_files(session, recorder, &lf_paths, &out->lf_first);
    /* The session's collectors: --lf's files first, in a stable sort. */
    size_t placed = 0;
    for (size_t pass = 0; rc == 0 && pass < 2; pass++)
        for (size_t f = 0; f < file_count; f++)
            if (string_set_contains(&out->lf_first, plan_file_at(plan, f)->path) == (pass == 0))
                order[placed++] = f;
    for (size_t f = 1; rc == 0 && f <= file_count; f++)
        starts[f] = starts[f - 1] + plan_file_item_count(plan, f - 1);
    bool failure_collected = false;
    for (size_t k = 0; rc == 0 && k < file_count; k++) {
        size_t f = order[k], first = starts[f], count = plan_file_item_count(plan, f);
        const struct plan_file *file = plan_file_at(plan, f);
        bool filtered = false, skipped = false;
        if (lf && string_set_contains(&lf_paths, file->path)) {
            if (!failure_collected && module_has_failure(recorder, plan, first, count))
                failure_collected = true;
            filtered = failure_collected && !named_on_command_line(session, file->path);
        } else if (lf && failure_collected) {
            skipped = true;
            out->skipped_file_count++;
            rc = string_set_add(&out->skipped_files, file->path);
        }
        for (size_t i = first; rc == 0 && (filtered || skipped) && i < first + count; i++) {
            struct plan_item *item = plan_item_at(plan, i);
            if (!item)
                rc = FASTEST_ENOMEM;
            else if (skipped || (!item->class_name &&
                                 !string_set_contains(&recorder->lastfailed, item->node_id))) {
                /* never collected: neither run nor counted as deselected */
                item->deselected = true;
                dropped[i] = true;
                out->dropped_items++;
            }
        }
        if (rc == 0 && !skipped && !file->error)
            rc = module_collected(recorder, plan, first, count, dropped, file->path);
    }
    free(dropped);
    free(starts);
    free(order);
    string_set_free(&lf_paths);
    return rc;
}

void run_cache_collect_free(struct cache_collect *collect)
{
    string_set_free(&collect->skipped_files);
    string_set_free(&collect->lf_first);
}

/* A growing text of status lines. */
struct status {
    char *text;
    bool failed;
};

static void status_add(struct status *status, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void status_add(struct status *status, const char *format, ...)
{
    char *line = NULL;
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    size_t old = status->text ? strlen(status->text) : 0;
    line = length >= 0 ? realloc(status->text, old + (size_t)length + 1) : NULL;
    if (!line) {
        status->failed = true;
        return;
    }
    va_start(args, format);
    vsnprintf(line + old, (size_t)length + 1, format, args);
    va_end(args);
    status->text = line;
}

/* Collection reports of the files --lf skipped were never made. */
static void drop_skipped_reports(const struct cache_collect *collect,
                                 struct run_collection *collection)
{
    size_t kept = 0;
    for (size_t i = 0; i < collection->event_count; i++) {
        struct fastest_event *event = collection->events[i];
        if (event->kind == FASTEST_EVENT_COLLECT_REPORT && event->node_id &&
            string_set_contains(&collect->skipped_files, event->node_id))
            continue;
        collection->events[kept++] = event;
    }
    collection->event_count = kept;
}

/* A stable reordering or subset of the session's items by keep(i): pass
 * 0 takes those keep says true, pass 1 (when both_passes) the rest. */
static int keep_items(struct fastest_session *session, const bool *take, bool both_passes,
                      size_t *out_left_out)
{
    size_t *indexes = malloc((session->item_count + 1) * sizeof(*indexes));
    if (!indexes)
        return FASTEST_ENOMEM;
    size_t count = 0;
    for (int pass = 0; pass < (both_passes ? 2 : 1); pass++)
        for (size_t i = 0; i < session->item_count; i++)
            if (take[i] == (pass == 0))
                indexes[count++] = i;
    if (out_left_out)
        *out_left_out = session->item_count - count;
    int rc = session_keep_items(session, indexes, count);
    free(indexes);
    return rc;
}

static bool *flags_for(const struct fastest_session *session)
{
    return calloc(session->item_count + 1, sizeof(bool));
}

/* StepwisePlugin.pytest_collection_modifyitems */
static int stepwise(struct fastest_session *session, const struct pc_recorder *recorder,
                    struct status *status)
{
    if (!recorder->stepwise_failed && !recorder->stepwise_unknown) {
        status_add(status, "stepwise: no previously failed tests, not skipping.");
        return 0;
    }
    size_t index = 0;
    while (recorder->stepwise_failed && index < session->item_count &&
           strcmp(session->items[index].node_id, recorder->stepwise_failed) != 0)
        index++;
    if (!recorder->stepwise_failed || index == session->item_count) {
        status_add(status, "stepwise: previously failed test not found, not skipping.");
        return 0;
    }
    status_add(status, "stepwise: skipping %zu already passed items.", index);
    bool *take = flags_for(session);
    if (!take)
        return FASTEST_ENOMEM;
    for (size_t i = index; i < session->item_count; i++)
        take[i] = true;
    size_t left_out = 0;
    int rc = keep_items(session, take, false, &left_out);
    session->deselected_count += left_out;
    free(take);
    return rc;
}

/* LFPlugin.pytest_collection_modifyitems */
static int last_failed(struct fastest_session *session, const struct pc_recorder *recorder,
                       const struct cache_collect *collect, struct status *status)
{
    bool lf = opt_is_true(session->options, "lf");
    bool ff = opt_is_true(session->options, "failedfirst");
    if (!lf && !ff)
        return 0;
    int rc = 0;
    if (recorder->lastfailed.live == 0) {
        bool none = strcmp(opt_get(session->options, "last_failed_no_failures")
                               ? opt_get(session->options, "last_failed_no_failures")
                               : "all",
                           "none") == 0;
        status_add(status, "run-last-failure: no previously failed tests, %s",
                   none ? "deselecting all items." : "not deselecting items.");
        if (none) {
            session->deselected_count += session->item_count;
            rc = session_keep_items(session, NULL, 0);
        }
        return rc;
    }
    bool *failed = flags_for(session);
    if (!failed)
        return FASTEST_ENOMEM;
    size_t failed_count = 0;
    for (size_t i = 0; i < session->item_count; i++)
        failed_count += failed[i] =
            string_set_contains(&recorder->lastfailed, session->items[i].node_id);
    if (!failed_count) {
        status_add(status, "run-last-failure: %zu known failures not in selected tests",
                   recorder->lastfailed.live);
    } else {
        size_t left_out = 0;
        rc = keep_items(session, failed, ff && !lf, &left_out);
        session->deselected_count += left_out;
        status_add(status, "run-last-failure: rerun previous %zu failure%s%s", failed_count,
                   failed_count == 1 ? "" : "s", ff ? " first" : "");
    }
    if (collect->skipped_file_count)
        status_add(status, " (skipped %zu file%s)", collect->skipped_file_count,
                   collect->skipped_file_count == 1 ? "" : "s");
    free(failed);
    return rc;
}

struct timed_index {
    size_t index;
    struct timespec modified;
};

/* Newest file first; the original order among equals (Python's sort is
 * stable). */
static int compare_newest(const void *a, const void *b)
{
    const struct timed_index *x = a, *y = b;
    if (x->modified.tv_sec != y->modified.tv_sec)
        return x->modified.tv_sec > y->modified.tv_sec ? -1 : 1;
    if (x->modified.tv_nsec != y->modified.tv_nsec)
        return x->modified.tv_nsec > y->modified.tv_nsec ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* NFPlugin.pytest_collection_modifyitems: new items first, each group by
 * its file's mtime, newest first; the node ids seen are remembered. */
static int new_first(struct fastest_session *session, struct pc_recorder *recorder)
{
    bool active = opt_is_true(session->options, "newfirst");
    size_t count = session->item_count;
    struct timed_index *timed = active ? calloc(count + 1, sizeof(*timed)) : NULL;
    bool *is_new = active ? flags_for(session) : NULL;
    int rc = !active || (timed && is_new) ? 0 : FASTEST_ENOMEM;
    const char *last_path = NULL;
    struct timespec last_modified = {0};
    for (size_t i = 0; rc == 0 && active && i < count; i++) {
        const struct ft_session_item *item = &session->items[i];
        is_new[i] = !string_set_contains(&recorder->nodeids, item->node_id);
        if (!last_path || strcmp(last_path, item->path) != 0) {
            char full[PATH_MAX];
            struct stat info;
            last_modified = (struct timespec){0};
            if ((size_t)snprintf(full, sizeof full, "%s/%s", session->rootdir, item->path) <
                    sizeof full &&
                stat(full, &info) == 0)
                last_modified = info.st_mtim;
            last_path = item->path;
        }
        timed[i] = (struct timed_index){i, last_modified};
    }
    if (rc == 0 && active) {
        qsort(timed, count, sizeof(*timed), compare_newest);
        size_t *indexes = malloc((count + 1) * sizeof(*indexes));
        size_t placed = 0;
        for (int pass = 0; indexes && pass < 2; pass++)
            for (size_t i = 0; i < count; i++)
                if (is_new[timed[i].index] == (pass == 0))
                    indexes[placed++] = timed[i].index;
        rc = indexes ? session_keep_items(session, indexes, count) : FASTEST_ENOMEM;
        free(indexes);
    }
    if (rc == 0)
        rc = run_cache_record_items(session, recorder);
    free(timed);
    free(is_new);
    return rc;
}

int run_cache_record_items(struct fastest_session *session, struct pc_recorder *recorder)
{
    int rc = 0;
    for (size_t i = 0; recorder && rc == 0 && i < session->item_count; i++)
        rc = string_set_add(&recorder->nodeids, session->items[i].node_id);
    return rc;
}

int run_cache_order(struct fastest_session *session, struct pc_recorder *recorder,
                    const struct cache_collect *collect, struct run_collection *collection)
{
    if (!recorder)
        return 0;
    drop_skipped_reports(collect, collection);
    session->deselected_count -= collect->dropped_items;
    /* pytest_collectreport ran before pytest_collection_modifyitems. */
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < collection->event_count; i++) {
        const struct fastest_event *event = collection->events[i];
        if (event->kind == FASTEST_EVENT_COLLECT_REPORT && event->outcome == FASTEST_OUTCOME_FAILED)
            rc = string_set_add(&recorder->lastfailed, event->node_id);
    }
    bool *first = rc == 0 ? flags_for(session) : NULL;
    if (rc == 0 && !first)
        rc = FASTEST_ENOMEM;
    for (size_t i = 0; rc == 0 && i < session->item_count; i++)
        first[i] = string_set_contains(&collect->lf_first, session->items[i].path);
    if (rc == 0 && collect->lf_first.live)
        rc = keep_items(session, first, true, NULL);
    free(first);
    struct status lf_status = {0}, stepwise_status = {0};
    if (rc == 0 && recorder->stepwise)
        rc = stepwise(session, recorder, &stepwise_status);
    if (rc == 0)
        rc = last_failed(session, recorder, collect, &lf_status);
    if (rc == 0)
        rc = new_first(session, recorder);
    /* pytest prints the hooks' lines last-registered first, reversed. */
    if (rc == 0 && stepwise_status.text) {
        if (lf_status.text)
            status_add(&lf_status, "\n");
        status_add(&lf_status, "%s", stepwise_status.text);
    }
    if (rc == 0 && (lf_status.failed || stepwise_status.failed))
        rc = FASTEST_ENOMEM;
    /* LFPlugin and StepwisePlugin say nothing with -q. */
    if (rc == 0 && lf_status.text && opt_get_long(session->options, "verbose", 0) >= 0)
        rc = opt_set(session->options, "fastest_collection_finish_lines", lf_status.text);
    free(lf_status.text);
    free(stepwise_status.text);
    return rc;
}
