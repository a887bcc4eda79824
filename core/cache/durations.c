#include "cache/durations.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "base/vector.h"

#include "cache/directory.h"

static const char header[] = "fastest durations 1\n";

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct dur_entry *)a)->node_id, ((const struct dur_entry *)b)->node_id);
}

void dur_table_free(struct dur_table *table)
{
    for (size_t i = 0; i < table->count; i++)
        free(table->entries[i].node_id);
    free(table->entries);
    *table = (struct dur_table){0};
}

static struct dur_entry *find(const struct dur_table *table, const char *node_id)
{
    struct dur_entry key = {.node_id = (char *)node_id};
    return table->count ? bsearch(&key, table->entries, table->count, sizeof key, compare_entries)
                        : NULL;
}

double dur_lookup(const struct dur_table *table, const char *node_id)
{
    const struct dur_entry *entry = find(table, node_id);
    return entry ? entry->seconds : -1;
}

/* Appends without keeping the order (callers sort after). */
static int append(struct dur_table *table, const char *node_id, size_t length, double seconds)
{
    if (vector_reserve((void **)&table->entries, &table->capacity, table->count + 1,
                       sizeof *table->entries))
        return FASTEST_ENOMEM;
    char *copy = strndup(node_id, length);
    if (!copy)
        return FASTEST_ENOMEM;
    table->entries[table->count++] = (struct dur_entry){copy, seconds};
    return 0;
}

int dur_append(struct dur_table *table, const char *node_id, double seconds)
{
    return append(table, node_id, strlen(node_id), seconds);
}

int dur_merge(struct dur_table *table, struct dur_table *newer)
{
    if (newer->count)
        qsort(newer->entries, newer->count, sizeof(*newer->entries), compare_entries);
    size_t capacity = table->count + newer->count + 1;
    struct dur_entry *merged = malloc(capacity * sizeof(*merged));
    if (!merged)
        return FASTEST_ENOMEM;
    size_t count = 0, old = 0, new = 0;
    while (old < table->count || new < newer->count) {
        int order = old == table->count   ? 1
                    : new == newer->count ? -1
                                          : compare_entries(&table->entries[old],
                                                            &newer->entries[new]);
        if (order < 0) {
            merged[count++] = table->entries[old++];
            continue;
        }
        if (order == 0)
            free(table->entries[old++].node_id);
        /* the same node twice in one run: the later report wins */
        if (count && merged[count - 1].node_id &&
            strcmp(merged[count - 1].node_id, newer->entries[new].node_id) == 0) {
            free(merged[count - 1].node_id);
            count--;
        }
        merged[count++] = newer->entries[new++];
    }
    free(table->entries);
    free(newer->entries);
    *newer = (struct dur_table){0};
    table->entries = merged;
    table->count = count;
    table->capacity = capacity;
    return 0;
}

int dur_parse(const char *text, size_t length, struct dur_table *out)
{
    *out = (struct dur_table){0};
    size_t header_length = sizeof header - 1;
    if (length < header_length || memcmp(text, header, header_length) != 0 ||
        memchr(text, '\0', length))
        return FASTEST_EINVAL;
    int rc = 0;
    for (const char *line = text + header_length, *end = text + length; rc == 0 && line < end;) {
        const char *newline = memchr(line, '\n', (size_t)(end - line));
        const char *tab = newline ? memchr(line, '\t', (size_t)(newline - line)) : NULL;
        if (!tab || tab == line || tab + 1 == newline) {
            rc = FASTEST_EINVAL;
            break;
        }
        char number[32];
        size_t digits = (size_t)(tab - line);
        char *parsed_end = NULL;
        double seconds = -1;
        if (digits < sizeof number) {
            memcpy(number, line, digits);
            number[digits] = '\0';
            seconds = strtod(number, &parsed_end);
        }
        if (!parsed_end || *parsed_end || !isfinite(seconds) || seconds < 0) {
            rc = FASTEST_EINVAL;
            break;
        }
        rc = append(out, tab + 1, (size_t)(newline - tab - 1), seconds);
        line = newline + 1;
    }
    if (rc == 0 && out->count) {
        qsort(out->entries, out->count, sizeof(*out->entries), compare_entries);
        for (size_t i = 1; rc == 0 && i < out->count; i++)
            if (strcmp(out->entries[i - 1].node_id, out->entries[i].node_id) == 0)
                rc = FASTEST_EINVAL; /* never written so: not our file */
    }
    if (rc)
        dur_table_free(out);
    return rc;
}

int dur_load(const char *dir, struct dur_table *out)
{
    *out = (struct dur_table){0};
    char *path;
    if (asprintf(&path, "%s/durations", dir) < 0)
        return FASTEST_ENOMEM;
    FILE *file = fopen(path, "rb");
    free(path);
    if (!file)
        return 0;
    char *text = NULL;
    size_t length = 0, capacity = 0, got;
    bool ok = true;
    do {
        if (length + 65536 > capacity) {
            capacity = (capacity ? capacity : 65536) * 2;
            char *grown = realloc(text, capacity);
            if (!grown) {
                ok = false;
                break;
            }
            text = grown;
        }
        got = fread(text + length, 1, capacity - length, file);
        length += got;
    } while (got > 0);
    ok = ok && !ferror(file);
    fclose(file);
    int rc = ok ? dur_parse(text, length, out) : 0;
    free(text);
    if (!ok)
        return FASTEST_ENOMEM;
    return rc == FASTEST_ENOMEM ? rc : 0;
}

int dur_save(const char *dir, const struct dur_table *table, char **out_error)
{
    *out_error = NULL;
    int rc = cache_dir_ensure(dir, out_error);
    if (rc)
        return rc;
    char *path = NULL, *temporary = NULL;
    if (asprintf(&path, "%s/durations", dir) < 0 ||
        asprintf(&temporary, "%s.%ld.tmp", path, (long)getpid()) < 0) {
        free(path);
        return FASTEST_ENOMEM;
    }
    FILE *file = fopen(temporary, "wb");
    bool ok = file && fputs(header, file) >= 0;
    for (size_t i = 0; ok && i < table->count; i++)
        ok = !strchr(table->entries[i].node_id, '\n')
                 ? fprintf(file, "%.6f\t%s\n", table->entries[i].seconds, table->entries[i].node_id) > 0
                 : true; /* a node id with a newline cannot be stored: left out */
    if (file && fclose(file) != 0)
        ok = false;
    if (ok && rename(temporary, path) != 0)
        ok = false;
    if (!ok) {
        int saved = errno;
        unlink(temporary);
        if (asprintf(out_error, "could not write %s: %s", path, strerror(saved)) < 0)
            *out_error = NULL;
        rc = FASTEST_EIO;
    }
    free(temporary);
    free(path);
    return rc;
}
