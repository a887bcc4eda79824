#include "plan/plan.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "base/vector.h"

/* A file and its items. Items live in a per-file vector so that items added
 * later by the engine land at their module's position; the flat index over
 * all files is rebuilt lazily after a change. */
struct file_entry {
    struct plan_file file;
    struct plan_item *items;
    size_t item_count;
    size_t item_capacity;
};

struct ft_plan {
    struct ft_arena *arena;
    struct file_entry *files;
    size_t file_count, file_capacity;
    struct plan_file *conftests;
    size_t conftest_count, conftest_capacity;
    struct plan_fixture *fixtures;
    size_t fixture_count, fixture_capacity;
    struct plan_warning *warnings;
    size_t warning_count, warning_capacity;
    size_t item_count;
    struct plan_item **flat; /* NULL when stale */
};

struct ft_plan *plan_new(void)
{
    struct ft_plan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return NULL;
    plan->arena = arena_new();
    if (!plan->arena) {
        free(plan);
        return NULL;
    }
    return plan;
}

void plan_free(struct ft_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->file_count; i++)
        free(plan->files[i].items);
    free(plan->files);
    free(plan->conftests);
    free(plan->fixtures);
    free(plan->warnings);
    free(plan->flat);
    arena_free(plan->arena);
    free(plan);
}

struct ft_arena *plan_arena(struct ft_plan *plan)
{
    return plan->arena;
}

static int fill_file(struct ft_plan *plan, struct plan_file *file, const char *path,
                     uint32_t flags, const char *error)
{
    file->path = arena_strdup(plan->arena, path);
    file->error = error ? arena_strdup(plan->arena, error) : NULL;
    file->flags = flags;
    return (!file->path || (error && !file->error)) ? FASTEST_ENOMEM : 0;
}

int plan_add_file(struct ft_plan *plan, const char *path, uint32_t flags, const char *error,
                  size_t *out_index)
{
    if (vector_reserve((void **)&plan->files, &plan->file_capacity, plan->file_count + 1,
                       sizeof *plan->files))
        return FASTEST_ENOMEM;
    struct file_entry *entry = &plan->files[plan->file_count];
    memset(entry, 0, sizeof *entry);
    int rc = fill_file(plan, &entry->file, path, flags, error);
    if (rc)
        return rc;
    if (out_index)
        *out_index = plan->file_count;
    plan->file_count++;
    return 0;
}

int plan_set_file_selector(struct ft_plan *plan, size_t file_index, const char *selector)
{
    if (file_index >= plan->file_count)
        return FASTEST_EINVAL;
    struct plan_file *file = &plan->files[file_index].file;
    file->selector = arena_strdup(plan->arena, selector);
    return file->selector || !selector ? 0 : FASTEST_ENOMEM;
}

size_t plan_node_id_part(const char *text)
{
    size_t length = 0;
    while (text[length] && text[length] != '[' && strncmp(text + length, "::", 2) != 0)
        length++;
    return text[length] == '[' ? strlen(text) : length;
}

const char *plan_node_id_name(const char *parts)
{
    const char *name = parts;
    for (const char *at = parts; *at; at += plan_node_id_part(at)) {
        at += strspn(at, ":");
        name = at;
    }
    return name;
}

char *plan_node_id_class_chain(const char *parts)
{
    const char *name = plan_node_id_name(parts);
    return name > parts + 2 ? strndup(parts, (size_t)(name - 2 - parts)) : NULL;
}

bool plan_selector_matches(const char *selector, const char *suffix)
{
    while (*selector) {
        size_t part = plan_node_id_part(selector);
        size_t name = plan_node_id_part(suffix);
        bool last = suffix[name] == '\0';
        bool same = part == name && strncmp(selector, suffix, part) == 0;
        /* `path::test` names every parametrization test[...] */
        bool base = last && part == strcspn(suffix, "[") && strncmp(selector, suffix, part) == 0;
        if (!same && !base)
            return false;
        selector += part;
        suffix += name;
        if (*selector) {
            if (!*suffix)
                return false; /* the selector goes deeper than the item */
            selector += strspn(selector, ":");
            suffix += strspn(suffix, ":");
        }
    }
    return true;
}

int plan_set_file_dynamic(struct ft_plan *plan, size_t file_index, const char *reason)
{
    if (file_index >= plan->file_count)
        return FASTEST_EINVAL;
    struct plan_file *file = &plan->files[file_index].file;
    file->flags |= PLAN_FILE_DYNAMIC;
    if (!file->dynamic_reason && reason &&
        !(file->dynamic_reason = arena_strdup(plan->arena, reason)))
        return FASTEST_ENOMEM;
    return 0;
}

int plan_add_conftest(struct ft_plan *plan, const char *path, uint32_t flags, const char *error)
{
    if (vector_reserve((void **)&plan->conftests, &plan->conftest_capacity,
                       plan->conftest_count + 1, sizeof *plan->conftests))
        return FASTEST_ENOMEM;
    int rc = fill_file(plan, &plan->conftests[plan->conftest_count], path, flags, error);
    if (rc == 0)
        plan->conftest_count++;
    return rc;
}

/* Deep copies of the item's arrays into the arena. */
static const struct plan_mark *copy_marks(struct ft_arena *arena, const struct plan_mark *marks,
                                          size_t count)
{
    if (!count)
        return NULL;
    struct plan_mark *copy = arena_alloc(arena, count * sizeof *copy);
    if (!copy)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        copy[i].name = arena_strdup(arena, marks[i].name);
        copy[i].args = arena_strdup(arena, marks[i].args);
        if (!copy[i].name || (marks[i].args && !copy[i].args))
            return NULL;
    }
    return copy;
}

static const char *const *copy_strings(struct ft_arena *arena, const char *const *strings,
                                       size_t count)
{
    if (!count)
        return NULL;
    const char **copy = arena_alloc(arena, count * sizeof *copy);
    if (!copy)
        return NULL;
    for (size_t i = 0; i < count; i++)
        if (!(copy[i] = arena_strdup(arena, strings[i])))
            return NULL;
    return copy;
}

int plan_add_item(struct ft_plan *plan, size_t file_index, const struct plan_item *item)
{
    if (file_index >= plan->file_count || !item->name || !item->function_name)
        return FASTEST_EINVAL;
    struct file_entry *entry = &plan->files[file_index];
    if (vector_reserve((void **)&entry->items, &entry->item_capacity, entry->item_count + 1,
                       sizeof *entry->items))
        return FASTEST_ENOMEM;
    struct ft_arena *arena = plan->arena;
    struct plan_item copy = *item;
    copy.path = entry->file.path;
    copy.file_index = file_index;
    copy.class_name = arena_strdup(arena, item->class_name);
    copy.function_name = arena_strdup(arena, item->function_name);
    copy.name = arena_strdup(arena, item->name);
    copy.xdist_group = arena_strdup(arena, item->xdist_group);
    copy.dynamic_reason = arena_strdup(arena, item->dynamic_reason);
    copy.node_id = item->class_name
                       ? arena_printf(arena, "%s::%s::%s", copy.path, item->class_name, item->name)
                       : arena_printf(arena, "%s::%s", copy.path, item->name);
    copy.marks = copy_marks(arena, item->marks, item->mark_count);
    copy.keywords = copy_strings(arena, item->keywords, item->keyword_count);
    if (!copy.function_name || !copy.name || !copy.node_id ||
        (item->class_name && !copy.class_name) || (item->xdist_group && !copy.xdist_group) ||
        (item->dynamic_reason && !copy.dynamic_reason) ||
        (item->mark_count && !copy.marks) || (item->keyword_count && !copy.keywords))
        return FASTEST_ENOMEM;
    entry->items[entry->item_count++] = copy;
    plan->item_count++;
    free(plan->flat);
    plan->flat = NULL;
    return 0;
}

void plan_clear_file_items(struct ft_plan *plan, size_t file_index)
{
    if (file_index >= plan->file_count)
        return;
    plan->item_count -= plan->files[file_index].item_count;
    plan->files[file_index].item_count = 0;
    free(plan->flat);
    plan->flat = NULL;
}

int plan_add_fixture(struct ft_plan *plan, const struct plan_fixture *fixture)
{
    if (vector_reserve((void **)&plan->fixtures, &plan->fixture_capacity, plan->fixture_count + 1,
                       sizeof *plan->fixtures))
        return FASTEST_ENOMEM;
    struct plan_fixture copy = *fixture;
    copy.name = arena_strdup(plan->arena, fixture->name);
    copy.path = arena_strdup(plan->arena, fixture->path);
    copy.class_name = arena_strdup(plan->arena, fixture->class_name);
    if (!copy.name || !copy.path || (fixture->class_name && !copy.class_name))
        return FASTEST_ENOMEM;
    plan->fixtures[plan->fixture_count++] = copy;
    return 0;
}

int plan_add_warning(struct ft_plan *plan, const struct plan_warning *warning)
{
    if (vector_reserve((void **)&plan->warnings, &plan->warning_capacity, plan->warning_count + 1,
                       sizeof *plan->warnings))
        return FASTEST_ENOMEM;
    struct plan_warning copy = *warning;
    copy.location_path = arena_strdup(plan->arena, warning->location_path);
    copy.category = arena_strdup(plan->arena, warning->category);
    copy.warning_message = arena_strdup(plan->arena, warning->warning_message);
    if (!copy.location_path || !copy.category || !copy.warning_message)
        return FASTEST_ENOMEM;
    plan->warnings[plan->warning_count++] = copy;
    return 0;
}

size_t plan_warning_count(const struct ft_plan *plan)
{
    return plan->warning_count;
}

const struct plan_warning *plan_warning_at(const struct ft_plan *plan, size_t index)
{
    return index < plan->warning_count ? &plan->warnings[index] : NULL;
}

size_t plan_file_count(const struct ft_plan *plan)
{
    return plan->file_count;
}

const struct plan_file *plan_file_at(const struct ft_plan *plan, size_t index)
{
    return index < plan->file_count ? &plan->files[index].file : NULL;
}

size_t plan_file_item_count(const struct ft_plan *plan, size_t file_index)
{
    return file_index < plan->file_count ? plan->files[file_index].item_count : 0;
}

size_t plan_conftest_count(const struct ft_plan *plan)
{
    return plan->conftest_count;
}

const struct plan_file *plan_conftest_at(const struct ft_plan *plan, size_t index)
{
    return index < plan->conftest_count ? &plan->conftests[index] : NULL;
}

size_t plan_fixture_count(const struct ft_plan *plan)
{
    return plan->fixture_count;
}

const struct plan_fixture *plan_fixture_at(const struct ft_plan *plan, size_t index)
{
    return index < plan->fixture_count ? &plan->fixtures[index] : NULL;
}

size_t plan_item_count(const struct ft_plan *plan)
{
    return plan->item_count;
}

static int rebuild_flat_index(struct ft_plan *plan)
{
    plan->flat = malloc((plan->item_count ? plan->item_count : 1) * sizeof *plan->flat);
    if (!plan->flat)
        return FASTEST_ENOMEM;
    size_t next = 0;
    for (size_t f = 0; f < plan->file_count; f++)
        for (size_t i = 0; i < plan->files[f].item_count; i++)
            plan->flat[next++] = &plan->files[f].items[i];
    return 0;
}

struct plan_item *plan_item_at(struct ft_plan *plan, size_t index)
{
    if (index >= plan->item_count)
        return NULL;
    if (!plan->flat && rebuild_flat_index(plan))
        return NULL;
    return plan->flat[index];
}

size_t plan_selected_count(const struct ft_plan *plan)
{
    size_t selected = 0;
    for (size_t f = 0; f < plan->file_count; f++)
        for (size_t i = 0; i < plan->files[f].item_count; i++)
            selected += !plan->files[f].items[i].deselected;
    return selected;
}
