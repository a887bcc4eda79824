/* The JSON of pytest's cache values (`.pytest_cache/v/cache/...`): a strict
 * reader for whatever is on disk (another tool, a hand edit or a damaged
 * disk wrote it), and a writer for the three shapes fastest stores, byte
 * for byte as pytest's json.dumps(value, ensure_ascii=False, indent=2)
 * writes them, so that pytest and fastest read each other's files and a
 * value that did not change leaves the file as it was. */
#ifndef FT_PYTEST_CACHE_JSON_H
#define FT_PYTEST_CACHE_JSON_H

#include <stdbool.h>
#include <stddef.h>

enum pcj_kind { PCJ_NULL, PCJ_BOOL, PCJ_NUMBER, PCJ_STRING, PCJ_ARRAY, PCJ_OBJECT };

/* A parsed value. Strings are NUL-terminated UTF-8 (a string holding "\u0000"
 * is refused, so the terminator is the only NUL). An object keeps its
 * members in file order, keys[i] naming items[i]. */
struct pcj_value {
    enum pcj_kind kind;
    bool boolean;            /* PCJ_BOOL */
    char *string;            /* PCJ_STRING */
    struct pcj_value *items; /* PCJ_ARRAY, PCJ_OBJECT: count values */
    char **keys;             /* PCJ_OBJECT: count keys */
    size_t count;
    size_t capacity; /* items (and keys) allocated */
};

/* Parses exactly one JSON value (RFC 8259, surrounded by optional white
 * space) from text[0..length). Refused: invalid UTF-8, lone surrogates,
 * "\u0000", nesting deeper than 64, trailing bytes. Returns 0 with *out
 * (free with pcj_free), or FASTEST_EINVAL with *out_error (malloc'd, the
 * caller frees it) saying what was expected at which byte offset, or
 * FASTEST_ENOMEM. */
int pcj_parse(const char *text, size_t length, struct pcj_value **out, char **out_error);

/* Frees a value from pcj_parse (NULL is fine). */
void pcj_free(struct pcj_value *value);

/* The shapes fastest writes. Each returns a malloc'd NUL-terminated text
 * (the caller frees it), or NULL when out of memory. */
/* {"a": true, ...} in the given order. */
char *pcj_dump_true_object(const char *const *keys, size_t count);
/* ["a", ...] in the given order. */
char *pcj_dump_string_array(const char *const *strings, size_t count);
/* "a", or null for NULL. */
char *pcj_dump_string_or_null(const char *string);

#endif
