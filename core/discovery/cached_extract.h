/* Extracting a file through the discovery cache (cached_extract.c).
 * Internal to core/discovery/. */
#ifndef FT_DISCOVERY_CACHED_EXTRACT_H
#define FT_DISCOVERY_CACHED_EXTRACT_H

#include <stdbool.h>

#include "discovery/walker.h"

/* The extraction of the file at path (absolute), from the cache when it
 * holds the file's content, else extracted (and stored). A file too big or
 * unreadable comes back flagged dynamic. NULL after disc_fail (out of
 * memory, grammar). Arena-owned. */
struct disc_module *disc_extract_file(struct walker *walker, const char *path,
                                      bool is_conftest);

/* The same for count files at once, out[i] for paths[i]: the ones the
 * cache does not hold are extracted side by side, on up to
 * settings->extract_threads threads. */
void disc_extract_files(struct walker *walker, const char *const *paths, size_t count,
                        bool is_conftest, struct disc_module **out);

/* Opens walker->cache as the settings ask (leaves it NULL when the run
 * uses none). Returns 0 or a negative FASTEST_E* code. */
int disc_open_cache(struct walker *walker);

/* Commits (unless the run failed) and closes walker->cache. */
void disc_close_cache(struct walker *walker);

#endif
