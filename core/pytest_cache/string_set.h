/* An ordered set of strings: pytest's dict of node ids (insertion order
 * kept, as json.dumps writes a dict) and set of node ids, with O(1)
 * lookups for runs of any size. */
#ifndef FT_PYTEST_CACHE_STRING_SET_H
#define FT_PYTEST_CACHE_STRING_SET_H

#include <stdbool.h>
#include <stddef.h>

struct pc_string_set {
    char **strings;  /* insertion order; NULL where one was removed */
    size_t count;    /* slots used in strings (removed ones included) */
    size_t capacity;
    size_t *buckets; /* open addressing: index + 1 into strings, 0 empty */
    size_t bucket_count;
    size_t live;     /* strings present */
};

/* Adds a copy of string at the end unless it is present. Returns 0 or
 * FASTEST_ENOMEM. */
int pc_set_add(struct pc_string_set *set, const char *string);
/* Removes string; returns whether it was present. */
bool pc_set_remove(struct pc_string_set *set, const char *string);
bool pc_set_contains(const struct pc_string_set *set, const char *string);
/* The present strings in insertion order: a malloc'd array of borrowed
 * pointers (the caller frees the array only; valid until the set
 * changes), or NULL when empty or out of memory (*out_count says which). */
const char **pc_set_list(const struct pc_string_set *set, size_t *out_count);
/* Same members, whatever their order. */
bool pc_set_equal(const struct pc_string_set *a, const struct pc_string_set *b);
void pc_set_free(struct pc_string_set *set);

#endif
