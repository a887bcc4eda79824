/* One file's extraction through the discovery cache: read the source, look
 * it up by content, else extract it and store the result; and the cache's
 * opening and commit around a run. */
#include "discovery/cached_extract.h"

#include <stdlib.h>

#include <fastest/errors.h>

#include "cache/directory.h"
#include "cache/discovery_cache.h"
#include "discovery/source.h"

struct disc_module *disc_extract_file(struct walker *walker, const char *path, bool is_conftest)
{
    struct disc_source source;
    int rc = disc_source_read(path, &source);
    struct disc_module *module = NULL;
    if (rc == FASTEST_ENOTSUP || rc == FASTEST_EIO) {
        /* Too big, or unreadable: only an import can tell what pytest
         * reports for it. */
        module = arena_alloc(walker->arena, sizeof *module);
        if (module) {
            module->error_line = -1;
            module->flags = PLAN_FILE_DYNAMIC;
        }
        return module;
    }
    if (rc) {
        disc_fail(walker, rc, "out of memory reading %s", path);
        return NULL;
    }
    struct cache_key key = {
        .path = path,
        .is_conftest = is_conftest,
        .size = source.length,
        .content_hash = walker->cache ? cache_hash(source.text, source.length) : 0,
    };
    if (walker->cache && (module = cache_lookup(walker->cache, &key, walker->arena))) {
        disc_source_release(&source);
        return module;
    }
    char *error = NULL;
    rc = disc_extract(walker->arena, source.text, source.length, &walker->patterns, is_conftest,
                      &module, &error);
    disc_source_release(&source);
    if (rc) {
        disc_fail(walker, rc, "%s: %s", path, error ? error : fastest_strerror(rc));
        free(error);
        return NULL;
    }
    if (walker->cache && cache_store(walker->cache, &key, module))
        disc_fail(walker, FASTEST_ENOMEM, "out of memory caching %s", path);
    return module;
}

int disc_open_cache(struct walker *walker)
{
    const struct disc_settings *settings = walker->settings;
    if (!settings->use_cache)
        return 0;
    const char *dir = disc_absolute(walker, walker->rootdir,
                                    settings->cache_dir ? settings->cache_dir : CACHE_DIR_NAME);
    if (!dir)
        return FASTEST_ENOMEM;
    enum cache_mode mode = settings->cache_clear       ? CACHE_CLEAR
                           : settings->cache_read_only ? CACHE_READ_ONLY
                                                       : CACHE_READ_WRITE;
    return cache_open(dir, cache_patterns_context(&walker->patterns), mode, &walker->cache);
}

/* Writes what this run learnt. A cache that cannot be written (read-only
 * checkout, full disk) costs the next run time, never this run its result:
 * the failure is not reported. */
void disc_close_cache(struct walker *walker)
{
    if (!walker->cache)
        return;
    char *error = NULL;
    if (!walker->rc)
        cache_commit(walker->cache, &error);
    free(error);
    cache_close(walker->cache);
    walker->cache = NULL;
}
