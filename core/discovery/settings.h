/* What discovery and selection need to know about a run. main fills it from
 * the config and the command line; NULL lists mean pytest's defaults. All
 * strings are borrowed for the duration of the call they are passed to. */
#ifndef FT_DISCOVERY_SETTINGS_H
#define FT_DISCOVERY_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct disc_settings {
    const char *rootdir;        /* absolute */
    const char *invocation_dir; /* absolute; NULL means rootdir */
    const char *const *args;    /* files, dirs, node ids */
    size_t arg_count;
    const char *const *testpaths; /* used when there are no args */
    size_t testpath_count;
    const char *const *python_files; /* NULL: test_*.py *_test.py */
    size_t python_file_count;
    const char *const *python_classes; /* NULL: Test */
    size_t python_class_count;
    const char *const *python_functions; /* NULL: test */
    size_t python_function_count;
    const char *const *norecursedirs; /* NULL: pytest's defaults */
    size_t norecursedir_count;
    const char *const *ignore; /* --ignore */
    size_t ignore_count;
    const char *const *ignore_glob; /* --ignore-glob */
    size_t ignore_glob_count;
    const char *keyword;  /* -k, or NULL */
    const char *markexpr; /* -m, or NULL */
    const char *const *deselect;
    size_t deselect_count;
    /* --keep-duplicates: a file several directory arguments reach is
     * collected by each (else by the first). */
    bool keep_duplicates;
    /* The discovery cache (core/cache/discovery_cache.h). use_cache off:
     * neither read nor written. cache_dir: absolute or rootdir-relative,
     * NULL for <rootdir>/.fastest_cache. cache_clear (--cache-clear): what
     * is there is dropped and written afresh. cache_read_only
     * (-p no:cacheprovider): used, never written. */
    bool use_cache;
    const char *cache_dir;
    bool cache_clear;
    bool cache_read_only;
    /* How many threads may extract files the cache does not hold (a
     * directory's files side by side); 0 and 1: one. */
    unsigned extract_threads;
};

#endif
