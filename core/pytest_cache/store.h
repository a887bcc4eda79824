/* pytest's cache directory (`cache_dir`, `.pytest_cache` by default) in
 * pytest's layout: values as JSON under v/<key>, README.md, .gitignore and
 * CACHEDIR.TAG written when the directory is first created, v/ and d/
 * emptied by --cache-clear. A directory that cannot be written never fails
 * a run: the caller gets pytest's PytestCacheWarning text instead. */
#ifndef FT_PYTEST_CACHE_STORE_H
#define FT_PYTEST_CACHE_STORE_H

#include "pytest_cache/json.h"

struct pc_store {
    char *dir; /* absolute, malloc'd */
};

/* Resolves cache_dir (the ini value, or NULL for ".pytest_cache") as pytest
 * does: ~ and $VARS expanded, relative to rootdir. With clear, removes v/
 * and d/ (--cache-clear). Returns 0 or FASTEST_ENOMEM. */
int pc_store_open(struct pc_store *out, const char *rootdir, const char *cache_dir, bool clear);
void pc_store_close(struct pc_store *store);

/* The value under key ("cache/lastfailed"), or NULL when it is missing or
 * unreadable (pytest's default). Free with pcj_free. */
struct pcj_value *pc_store_get(const struct pc_store *store, const char *key);

/* Writes text as v/<key> (atomically: a reader never sees half a file).
 * Returns 0, FASTEST_ENOMEM, or FASTEST_EIO with *out_warning (malloc'd,
 * the caller frees it) holding pytest's warning message, "could not create
 * cache path PATH" or "cache could not write path PATH". */
int pc_store_set(const struct pc_store *store, const char *key, const char *text,
                 char **out_warning);

#endif
