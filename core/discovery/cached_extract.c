/* Files' extraction through the discovery cache: read each source, look it
 * up by content, else extract it (the misses side by side: extract_jobs.c)
 * and store the result; and the cache's opening and commit around a run. */
#include "discovery/cached_extract.h"

#include <stdlib.h>

#include <fastest/errors.h>

#include "cache/directory.h"
#include "cache/discovery_cache.h"
#include "discovery/extract_jobs.h"
#include "discovery/source.h"

/* A file on its way through the cache: read, looked up, then (a miss)
 * extracted and stored. */
struct pending_file {
    const char *path;
    struct disc_source source;
    struct cache_key key;
    struct disc_extract_job *job; /* a miss's extraction, else NULL */
};

/* A file too big, or unreadable: only an import can tell what pytest
 * reports for it. */
static struct disc_module *left_to_import(struct walker *walker)
{
    struct disc_module *module = arena_alloc(walker->arena, sizeof *module);
    if (module) {
        module->error_line = -1;
        module->flags = PLAN_FILE_DYNAMIC;
    }
    return module;
}

/* Reads the file and looks it up. Returns its module when that needs no
 * extraction, else NULL: with *out_miss set, file->source holds the bytes
 * to extract; without, disc_fail recorded why. */
static struct disc_module *look_up(struct walker *walker, struct pending_file *file,
                                   bool is_conftest, bool *out_miss)
{
    *out_miss = false;
    int rc = disc_source_read(file->path, &file->source);
    if (rc == FASTEST_ENOTSUP || rc == FASTEST_EIO)
        return left_to_import(walker);
    if (rc) {
        disc_fail(walker, rc, "out of memory reading %s", file->path);
        return NULL;
    }
    file->key = (struct cache_key){
        .path = file->path,
        .is_conftest = is_conftest,
        .size = file->source.length,
        .content_hash = walker->cache ? cache_hash(file->source.text, file->source.length) : 0,
    };
    struct disc_module *module =
        walker->cache ? cache_lookup(walker->cache, &file->key, walker->arena) : NULL;
    if (module)
        disc_source_release(&file->source);
    *out_miss = module == NULL;
    return module;
}

/* A miss's extraction, stored in the cache. */
static struct disc_module *extracted(struct walker *walker, struct pending_file *file)
{
    const struct disc_extract_job *job = file->job;
    disc_source_release(&file->source);
    if (job->rc) {
        disc_fail(walker, job->rc, "%s: %s", file->path,
                  job->error ? job->error : fastest_strerror(job->rc));
        free(job->error);
        return NULL;
    }
    if (walker->cache && cache_store(walker->cache, &file->key, job->module))
        disc_fail(walker, FASTEST_ENOMEM, "out of memory caching %s", file->path);
    return job->module;
}

void disc_extract_files(struct walker *walker, const char *const *paths, size_t count,
                        bool is_conftest, struct disc_module **out)
{
    struct pending_file *files = calloc(count ? count : 1, sizeof *files);
    struct disc_extract_job *jobs = calloc(count ? count : 1, sizeof *jobs);
    if (!files || !jobs) {
        disc_fail(walker, FASTEST_ENOMEM, "out of memory reading test files");
        count = 0;
    }
    size_t job_count = 0;
    for (size_t i = 0; i < count; i++) {
        files[i].path = paths[i];
        bool miss;
        out[i] = look_up(walker, &files[i], is_conftest, &miss);
        if (miss) {
            files[i].job = &jobs[job_count++];
            *files[i].job = (struct disc_extract_job){
                .text = files[i].source.text,
                .length = files[i].source.length,
                .is_conftest = is_conftest,
            };
        }
    }
    disc_extract_jobs(walker->arena, &walker->patterns, jobs, job_count,
                      walker->settings->extract_threads);
    for (size_t i = 0; i < count; i++)
        if (files[i].job)
            out[i] = extracted(walker, &files[i]);
    free(files);
    free(jobs);
}

struct disc_module *disc_extract_file(struct walker *walker, const char *path, bool is_conftest)
{
    struct disc_module *module = NULL;
    disc_extract_files(walker, &path, 1, is_conftest, &module);
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
