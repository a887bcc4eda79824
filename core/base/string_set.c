#include "base/string_set.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

/* FNV-1a */
static size_t hash_of(const char *string)
{
    uint64_t hash = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)string; *p; p++)
        hash = (hash ^ *p) * 1099511628211u;
    return (size_t)hash;
}

/* The bucket holding string, or the empty one where it would go. Tombstones
 * do not exist: removal rebuilds the chain after the removed bucket. */
static size_t bucket_of(const struct string_set *set, const char *string)
{
    size_t mask = set->bucket_count - 1;
    for (size_t at = hash_of(string) & mask;; at = (at + 1) & mask) {
        size_t slot = set->buckets[at];
        if (!slot || strcmp(set->strings[slot - 1], string) == 0)
            return at;
    }
}

static int rehash(struct string_set *set, size_t bucket_count)
{
    size_t *buckets = calloc(bucket_count, sizeof(*buckets));
    if (!buckets)
        return FASTEST_ENOMEM;
    free(set->buckets);
    set->buckets = buckets;
    set->bucket_count = bucket_count;
    for (size_t i = 0; i < set->count; i++)
        if (set->strings[i])
            set->buckets[bucket_of(set, set->strings[i])] = i + 1;
    return 0;
}

bool string_set_contains(const struct string_set *set, const char *string)
{
    return set->bucket_count && set->buckets[bucket_of(set, string)] != 0;
}

int string_set_add(struct string_set *set, const char *string)
{
    if (string_set_contains(set, string))
        return 0;
    if ((set->count + 1) * 2 > set->bucket_count &&
        rehash(set, set->bucket_count ? set->bucket_count * 2 : 16))
        return FASTEST_ENOMEM;
    if (set->count == set->capacity) {
        size_t capacity = set->capacity ? set->capacity * 2 : 16;
        char **grown = realloc(set->strings, capacity * sizeof(*grown));
        if (!grown)
            return FASTEST_ENOMEM;
        set->strings = grown;
        set->capacity = capacity;
    }
    char *copy = strdup(string);
    if (!copy)
        return FASTEST_ENOMEM;
    set->strings[set->count++] = copy;
    set->buckets[bucket_of(set, copy)] = set->count;
    set->live++;
    return 0;
}

bool string_set_remove(struct string_set *set, const char *string)
{
    if (!string_set_contains(set, string))
        return false;
    size_t mask = set->bucket_count - 1, at = bucket_of(set, string);
    size_t index = set->buckets[at] - 1;
    free(set->strings[index]);
    set->strings[index] = NULL;
    set->buckets[at] = 0;
    set->live--;
    /* Re-place the rest of the probe chain so lookups never stop early. */
    for (size_t next = (at + 1) & mask; set->buckets[next]; next = (next + 1) & mask) {
        size_t slot = set->buckets[next];
        set->buckets[next] = 0;
        set->buckets[bucket_of(set, set->strings[slot - 1])] = slot;
    }
    return true;
}

const char **string_set_list(const struct string_set *set, size_t *out_count)
{
    *out_count = set->live;
    const char **list = set->live ? malloc(set->live * sizeof(*list)) : NULL;
    size_t used = 0;
    for (size_t i = 0; list && i < set->count; i++)
        if (set->strings[i])
            list[used++] = set->strings[i];
    return list;
}

bool string_set_equal(const struct string_set *a, const struct string_set *b)
{
    if (a->live != b->live)
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (a->strings[i] && !string_set_contains(b, a->strings[i]))
            return false;
    return true;
}

void string_set_free(struct string_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free(set->strings[i]);
    free(set->strings);
    free(set->buckets);
    *set = (struct string_set){0};
}
