/* Tests that overlapping arguments collect more than once (see
 * plan_collected_twice in plan.h). */
#include "plan/plan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct named_file {
    const char *path;
    size_t index;
};

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct named_file *)a)->path, ((const struct named_file *)b)->path);
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Marks in repeated[] the files whose module another argument also names:
 * the same path in more than one plan file. Returns how many. */
static size_t mark_repeated_files(struct ft_plan *plan, bool *repeated)
{
    size_t count = plan_file_count(plan), marked = 0;
    struct named_file *files = malloc((count + 1) * sizeof *files);
    if (!files)
        return 0;
    for (size_t i = 0; i < count; i++)
        files[i] = (struct named_file){plan_file_at(plan, i)->path, i};
    qsort(files, count, sizeof *files, by_path);
    for (size_t i = 1; i < count; i++)
        if (strcmp(files[i - 1].path, files[i].path) == 0) {
            marked += !repeated[files[i - 1].index] + !repeated[files[i].index];
            repeated[files[i - 1].index] = repeated[files[i].index] = true;
        }
    free(files);
    return marked;
}

const char *plan_collected_twice(struct ft_plan *plan)
{
    size_t file_count = plan_file_count(plan), item_count = plan_item_count(plan);
    bool *repeated = calloc(file_count + 1, sizeof *repeated);
    if (!repeated || !mark_repeated_files(plan, repeated)) {
        free(repeated);
        return NULL;
    }
    const char *found = NULL;
    for (size_t i = 0; !found && i < file_count; i++) {
        const struct plan_file *file = plan_file_at(plan, i);
        if (repeated[i] && (file->error || (file->flags & PLAN_FILE_DYNAMIC)))
            found = file->path;
    }
    const char **node_ids = found ? NULL : malloc((item_count + 1) * sizeof *node_ids);
    size_t selected = 0;
    for (size_t i = 0; node_ids && i < item_count; i++) {
        const struct plan_item *item = plan_item_at(plan, i);
        if (item && repeated[item->file_index])
            node_ids[selected++] = item->node_id;
    }
    if (node_ids) {
        qsort(node_ids, selected, sizeof *node_ids, by_text);
        for (size_t i = 1; !found && i < selected; i++)
            if (strcmp(node_ids[i - 1], node_ids[i]) == 0)
                found = node_ids[i];
    }
    free(node_ids);
    free(repeated);
    return found;
}
