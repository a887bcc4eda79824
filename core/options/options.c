#include "options.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

/* A dest and its values. Few options are set in a run, so a linear list
 * is both the simplest and the fastest structure here. */
struct option_entry {
    char *dest;
    char **values;
    size_t value_count;
};

struct ft_options {
    struct option_entry *entries;
    size_t entry_count;
};

struct ft_options *opt_new(void)
{
    return calloc(1, sizeof(struct ft_options));
}

static void clear_values(struct option_entry *entry)
{
    for (size_t i = 0; i < entry->value_count; i++)
        free(entry->values[i]);
    free(entry->values);
    entry->values = NULL;
    entry->value_count = 0;
}

void opt_free(struct ft_options *options)
{
    if (!options)
        return;
    for (size_t i = 0; i < options->entry_count; i++) {
        clear_values(&options->entries[i]);
        free(options->entries[i].dest);
    }
    free(options->entries);
    free(options);
}

static struct option_entry *find(const struct ft_options *options, const char *dest)
{
    for (size_t i = 0; i < options->entry_count; i++)
        if (strcmp(options->entries[i].dest, dest) == 0)
            return &options->entries[i];
    return NULL;
}

static struct option_entry *find_or_add(struct ft_options *options, const char *dest)
{
    struct option_entry *entry = find(options, dest);
    if (entry)
        return entry;
    struct option_entry *grown =
        realloc(options->entries, (options->entry_count + 1) * sizeof(*grown));
    if (!grown)
        return NULL;
    options->entries = grown;
    entry = &grown[options->entry_count];
    entry->dest = strdup(dest);
    if (!entry->dest)
        return NULL;
    entry->values = NULL;
    entry->value_count = 0;
    options->entry_count++;
    return entry;
}

int opt_add(struct ft_options *options, const char *dest, const char *value)
{
    struct option_entry *entry = find_or_add(options, dest);
    if (!entry)
        return FASTEST_ENOMEM;
    char **grown = realloc(entry->values, (entry->value_count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    entry->values = grown;
    grown[entry->value_count] = strdup(value);
    if (!grown[entry->value_count])
        return FASTEST_ENOMEM;
    entry->value_count++;
    return 0;
}

int opt_set(struct ft_options *options, const char *dest, const char *value)
{
    opt_unset(options, dest);
    return opt_add(options, dest, value);
}

void opt_unset(struct ft_options *options, const char *dest)
{
    struct option_entry *entry = find(options, dest);
    if (entry)
        clear_values(entry);
}

const char *opt_get(const struct ft_options *options, const char *dest)
{
    const struct option_entry *entry = find(options, dest);
    if (!entry || entry->value_count == 0)
        return NULL;
    return entry->values[entry->value_count - 1];
}

const char *const *opt_values(const struct ft_options *options, const char *dest,
                              size_t *out_count)
{
    const struct option_entry *entry = find(options, dest);
    *out_count = entry ? entry->value_count : 0;
    return entry && entry->value_count ? (const char *const *)entry->values : NULL;
}

long opt_get_long(const struct ft_options *options, const char *dest, long fallback)
{
    const char *text = opt_get(options, dest);
    if (!text || !*text)
        return fallback;
    char *end;
    long value = strtol(text, &end, 10);
    return *end ? fallback : value;
}

bool opt_is_true(const struct ft_options *options, const char *dest)
{
    const char *text = opt_get(options, dest);
    return text && *text && strcmp(text, "0") != 0;
}

void opt_each(const struct ft_options *options, opt_visit_fn visit, void *context)
{
    for (size_t i = 0; i < options->entry_count; i++) {
        const struct option_entry *entry = &options->entries[i];
        if (entry->value_count)
            visit(context, entry->dest, (const char *const *)entry->values, entry->value_count);
    }
}

bool opt_plugin_disabled(const struct ft_options *options, const char *name)
{
    size_t count;
    const char *const *plugins = opt_values(options, "plugins", &count);
    for (size_t i = 0; i < count; i++)
        if (strncmp(plugins[i], "no:", 3) == 0 && strcmp(plugins[i] + 3, name) == 0)
            return true;
    return false;
}
