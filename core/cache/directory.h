/* fastest's cache directory (`.fastest_cache/` in rootdir by default).
 *
 * It is fastest's own, separate from pytest's `.pytest_cache/` (pytest's
 * `cache_dir` ini key is pytest's and is not followed: the two tools write
 * different things and must not clear each other's data by accident). Like
 * pytest's, a new directory gets a `.gitignore` (so that it is never
 * committed) and a CACHEDIR.TAG (so that backup tools skip it).
 */
#ifndef FT_CACHE_DIRECTORY_H
#define FT_CACHE_DIRECTORY_H

/* The name of the directory in rootdir. */
#define CACHE_DIR_NAME ".fastest_cache"

/* Creates dir (and missing parents) with its .gitignore and CACHEDIR.TAG
 * when it does not exist yet. Returns 0, or FASTEST_EIO with *out_error set
 * to a malloc'd message naming the path (the caller frees it). */
int cache_dir_ensure(const char *dir, char **out_error);

#endif
