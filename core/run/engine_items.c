#include "run/engine_items.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/vector.h"
#include "python/engine.h"

/* An imported file and its index in the plan. */
struct file_entry {
    const char *path;
    size_t file_index;
};

/* Where the engine's items go: the file each belongs to, found by the path
 * part of its node id among the imported files, sorted by path. */
struct import_target {
    struct ft_plan *plan;
    const struct file_entry *files;
    size_t file_count;
    struct engine_order *order;
};

/* A dynamic file is imported whatever selection made of its static items:
 * what it holds beyond them (inherited tests, parametrization known at
 * import) is known only then, and -k, -m or a node id may select it. */
static bool needs_import(struct ft_plan *plan, size_t file_index, bool import_all)
{
    const struct plan_file *file = plan_file_at(plan, file_index);
    if (file->flags & PLAN_FILE_ERROR_NEEDS_IMPORT)
        return true;
    if (file->error)
        return false;
    return import_all || (file->flags & PLAN_FILE_DYNAMIC);
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct file_entry *)a)->path, ((const struct file_entry *)b)->path);
}

/* The imported file an engine item goes to: the one of its path whose
 * node names select it. One module may have been named by several
 * arguments (`path::a path::B`), each its own plan file with what it
 * selected; the engine builds the module's every item once, and each goes
 * to the first argument that names it, or nowhere (NULL, as an item
 * outside the files asked for). *out_path_length: the length of its path
 * in the node id. Returns 0, or FASTEST_ENOMEM. */
static int named_file(const struct import_target *target, const char *node_id,
                      const struct file_entry **out_file, size_t *out_path_length)
{
    *out_file = NULL;
    size_t path_length = *out_path_length = strcspn(node_id, ":");
    char *path = strndup(node_id, path_length);
    if (!path)
        return FASTEST_ENOMEM;
    struct file_entry key = {path, 0};
    const struct file_entry *found =
        bsearch(&key, target->files, target->file_count, sizeof(key), compare_entries);
    free(path);
    if (!found)
        return 0;
    const struct file_entry *first = found, *end = target->files + target->file_count;
    while (first > target->files && compare_entries(first - 1, found) == 0)
        first--;
    for (const struct file_entry *entry = first; entry < end && compare_entries(entry, found) == 0;
         entry++) {
        const char *selector = plan_file_at(target->plan, entry->file_index)->selector;
        if (!selector || (node_id[path_length] == ':' &&
                          plan_selector_matches(selector, node_id + path_length + 2))) {
            *out_file = entry;
            return 0;
        }
    }
    return 0;
}

static int add_engine_item(void *context, const struct pyh_collected_item *collected)
{
    struct import_target *target = context;
    const struct file_entry *file;
    size_t path_length;
    if (named_file(target, collected->node_id, &file, &path_length))
        return FASTEST_ENOMEM;
    if (file)
        target->order->named_counts[file->file_index]++;
    if (collected->deselected) {
        target->order->deselected_count++;
        return 0;
    }
    if (collected->dropped) {
        target->order->dropped_count++;
        return 0;
    }
    if (!file)
        return 0; /* an item outside the files asked for: not ours to place */

    /* The parts below the file: the class chain, then the name. */
    const char *parts = collected->node_id[path_length] ? collected->node_id + path_length + 2 : "";
    const char *name = plan_node_id_name(parts);
    char *class_name = plan_node_id_class_chain(parts);
    char *function_name = strndup(name, strcspn(name, "["));
    struct plan_mark *marks = calloc(collected->mark_count + 1, sizeof(*marks));
    for (size_t i = 0; marks && i < collected->mark_count; i++)
        marks[i].name = collected->marks[i];
    struct plan_item item = {
        .class_name = class_name,
        .function_name = function_name,
        .name = name,
        .node_kind = collected->node_kind && strcmp(collected->node_kind, "TestCaseFunction") == 0
                         ? PLAN_NODE_TESTCASE_FUNCTION
                         : PLAN_NODE_FUNCTION,
        .marks = marks,
        .mark_count = collected->mark_count,
        .keywords = collected->keywords,
        .keyword_count = collected->keyword_count,
        .xdist_group = collected->xdist_group,
        .has_timeout_mark = collected->has_timeout_mark,
        .timeout_mark = collected->timeout_mark,
        .shares_fixtures = collected->shares_fixtures,
    };
    struct engine_order *order = target->order;
    int rc = function_name && marks &&
                     !vector_reserve((void **)&order->node_ids, &order->capacity, order->count + 1,
                                     sizeof *order->node_ids)
                 ? plan_add_item(target->plan, file->file_index, &item)
                 : FASTEST_ENOMEM;
    if (rc == 0 && !(order->node_ids[order->count++] = strdup(collected->node_id)))
        rc = FASTEST_ENOMEM;
    free(marks);
    free(class_name);
    free(function_name);
    return rc;
}

int engine_import_files(struct fastest_session *session, struct ft_plan *plan,
                        bool import_all, struct engine_order *out_order, char **out_error)
{
    *out_error = NULL;
    *out_order = (struct engine_order){0};
    size_t file_count = plan_file_count(plan);
    const char **paths = calloc(file_count + 1, sizeof(*paths));
    struct file_entry *files = calloc(file_count + 1, sizeof(*files));
    out_order->imported_files = calloc(file_count + 1, sizeof(bool));
    out_order->named_counts = calloc(file_count + 1, sizeof(size_t));
    out_order->static_counts = calloc(file_count + 1, sizeof(size_t));
    int rc = paths && files && out_order->imported_files && out_order->named_counts &&
                     out_order->static_counts
                 ? 0
                 : FASTEST_ENOMEM;
    size_t import_count = 0;
    for (size_t i = 0; rc == 0 && i < file_count; i++) {
        if (!needs_import(plan, i, import_all))
            continue;
        out_order->static_counts[i] = plan_file_item_count(plan, i);
        plan_clear_file_items(plan, i);
        out_order->imported_files[i] = true;
        const char *path = plan_file_at(plan, i)->path;
        paths[import_count] = path;
        files[import_count++] = (struct file_entry){path, i};
    }
    if (rc == 0 && import_count) {
        /* The engine imports in plan order; its items are placed by path. */
        qsort(files, import_count, sizeof(*files), compare_entries);
        struct import_target target = {plan, files, import_count, out_order};
        out_order->engine_collected = true;
        rc = pyh_engine_collect(session, paths, import_count, add_engine_item, &target, out_error);
    }
    free(paths);
    free(files);
    return rc;
}

void engine_order_free(struct engine_order *order)
{
    for (size_t i = 0; i < order->count; i++)
        free(order->node_ids[i]);
    free(order->node_ids);
    free(order->imported_files);
    free(order->named_counts);
    free(order->static_counts);
    *order = (struct engine_order){0};
}

static int compare_items(const void *a, const void *b)
{
    return strcmp((*(struct plan_item *const *)a)->node_id,
                  (*(struct plan_item *const *)b)->node_id);
}

int item_index_build(struct ft_plan *plan, struct item_index *out)
{
    out->count = plan_item_count(plan);
    out->items = calloc(out->count + 1, sizeof(*out->items));
    if (!out->items)
        return FASTEST_ENOMEM;
    for (size_t i = 0; i < out->count; i++)
        if (!(out->items[i] = plan_item_at(plan, i)))
            return FASTEST_ENOMEM;
    qsort(out->items, out->count, sizeof(*out->items), compare_items);
    return 0;
}

struct plan_item *item_index_find(const struct item_index *index, const char *node_id)
{
    struct plan_item key = {.node_id = node_id};
    struct plan_item *key_pointer = &key;
    struct plan_item **found =
        bsearch(&key_pointer, index->items, index->count, sizeof(*index->items), compare_items);
    return found ? *found : NULL;
}

void item_index_free(struct item_index *index)
{
    free(index->items);
    *index = (struct item_index){0};
}
