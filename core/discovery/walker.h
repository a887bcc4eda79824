/* The state of one discovery run and its helpers (walker.c), shared by the
 * files of the walk. Internal to core/discovery/. */
#ifndef FT_DISCOVERY_WALKER_H
#define FT_DISCOVERY_WALKER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/string_set.h"
#include "cache/discovery_cache.h"
#include "discovery/extract.h"
#include "discovery/settings.h"
#include "plan/plan.h"

#define COUNT_OF(array) (sizeof(array) / sizeof *(array))

struct conftest {
    const char *dir; /* absolute */
    struct disc_module *module; /* NULL when the dir has none */
};

struct walker {
    const struct disc_settings *settings;
    struct ft_plan *plan;
    struct ft_arena *arena; /* this run's scratch: extraction results, paths */
    struct disc_patterns patterns;
    const char *const *python_files;
    size_t python_file_count;
    const char *const *norecursedirs;
    size_t norecursedir_count;
    const char *rootdir;
    const char *invocation_dir;
    struct conftest *conftests;
    size_t conftest_count, conftest_capacity;
    struct ft_cache *cache; /* NULL when the run uses none */
    struct string_set walked; /* files directory walks collected */
    int rc;
    char *error;
    char *misses; /* disc_miss's messages, or NULL */
};

/* Grows a malloc'd vector by one (uninitialized) element and returns it,
 * NULL when out of memory. The caller frees *array. */
void *disc_push(struct walker *walker, void **array, size_t *count, size_t *capacity,
                size_t size);

/* Records the run's failure: the first one wins (rc and a malloc'd message
 * in walker->error, which disc_run hands to its caller). */
void disc_fail(struct walker *walker, int rc, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Records an argument that collects nothing, pytest's message (malloc'd,
 * taken; NULL is out of memory): pytest collects every argument, then
 * fails the run with one usage error naming them all, which disc_run
 * makes of the messages. */
void disc_miss(struct walker *walker, char *message);

/* Path helpers: see walker.c. Results are arena-owned (NULL when out of
 * memory) or point into path. */
char *disc_absolute(struct walker *walker, const char *base, const char *path);
const char *disc_relative(const struct walker *walker, const char *path);
char *disc_parent_of(struct walker *walker, const char *path);
const char *disc_basename_of(const char *path);
bool disc_is_file(const char *path);
bool disc_is_dir(const char *path);

#endif
