/* An ordered set of strings with O(1) lookups, for sets of any size:
 * pytest's dict and set of node ids (insertion order kept, as json.dumps
 * writes a dict), the files discovery's directory walks met. */
#ifndef FT_BASE_STRING_SET_H
#define FT_BASE_STRING_SET_H

#include <stdbool.h>
#include <stddef.h>

struct string_set {
    char **strings; /* insertion order; NULL where one was removed */
    size_t count;   /* slots used in strings (removed ones included) */
    size_t capacity;
    size_t *buckets; /* open addressing: index + 1 into strings, 0 empty */
    size_t bucket_count;
    size_t live; /* strings present */
};

/* Adds a copy of string at the end unless it is present. Returns 0 or
 * FASTEST_ENOMEM. */
int string_set_add(struct string_set *set, const char *string);
/* Removes string; returns whether it was present. */
bool string_set_remove(struct string_set *set, const char *string);
bool string_set_contains(const struct string_set *set, const char *string);
/* The present strings in insertion order: a malloc'd array of borrowed
 * pointers (the caller frees the array only; valid until the set
 * changes), or NULL when empty or out of memory (*out_count says which). */
const char **string_set_list(const struct string_set *set, size_t *out_count);
/* Same members, whatever their order. */
bool string_set_equal(const struct string_set *a, const struct string_set *b);
void string_set_free(struct string_set *set);

#endif
