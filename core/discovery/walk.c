/* The directory walk of pytest 7.2.1's Session.collect / Package.collect:
 * depth-first, each level's files before its subdirs (both sorted by name),
 * skipping ignored and norecursedirs dirs and symlink loops. */
#include "discovery/walk.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "discovery/cached_extract.h"
#include "discovery/conftest.h"
#include "discovery/ignore.h"
#include "discovery/pattern.h"
#include "discovery/plan_module.h"

/* Whether an earlier directory argument's walk collected path (pytest's
 * duplicate paths, unless --keep-duplicates); records it. */
static bool walked_before(struct walker *walker, const char *path)
{
    if (walker->settings->keep_duplicates)
        return false;
    if (string_set_contains(&walker->walked, path))
        return true;
    if (string_set_add(&walker->walked, path))
        disc_fail(walker, FASTEST_ENOMEM, "out of memory");
    return false;
}

/* Whether a file met by a directory walk is a test module to collect
 * (Session._collectfile + the python plugin's pytest_collect_file). */
static bool collects_walked_file(struct walker *walker, const char *path)
{
    const char *name = disc_basename_of(path);
    size_t length = strlen(name);
    if (length < 3 || strcmp(name + length - 3, ".py") != 0)
        return false;
    if (disc_ignored(walker, path, false) || walked_before(walker, path))
        return false;
    /* __init__.py makes a Package, which collects nothing itself. */
    return pat_any_fnmatch_ex(walker->python_files, walker->python_file_count, path);
}

/* A directory's test modules into the plan, in order; extracted together,
 * since a module's extraction depends on nothing the others add (only a
 * conftest's does, and the directory's came first). */
static void collect_modules(struct walker *walker, const char *const *paths, size_t count)
{
    struct disc_module **modules = calloc(count ? count : 1, sizeof *modules);
    if (!modules) {
        disc_fail(walker, FASTEST_ENOMEM, "out of memory collecting test modules");
        return;
    }
    disc_extract_files(walker, paths, count, false, modules);
    for (size_t i = 0; i < count && !walker->rc; i++)
        if (modules[i])
            disc_add_module(walker, paths[i], modules[i], NULL, 0);
    free(modules);
}

static int compare_entry_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct dir_stack {
    dev_t device;
    ino_t inode;
    const struct dir_stack *parent;
};

/* pathlib.visit + Session._recurse: this level's files in name order, then
 * each subdirectory that is not ignored, recursively. */
void disc_walk_dir(struct walker *walker, const char *dir, const struct dir_stack *stack)
{
    struct stat self;
    if (stat(dir, &self) != 0)
        return;
    for (const struct dir_stack *up = stack; up; up = up->parent)
        if (up->device == self.st_dev && up->inode == self.st_ino)
            return; /* a symlink loop */
    struct dir_stack here = {self.st_dev, self.st_ino, stack};
    disc_conftest_of(walker, dir);

    DIR *handle = opendir(dir);
    if (!handle)
        return; /* unreadable: pytest skips what it cannot list too */
    char **names = NULL;
    size_t count = 0, capacity = 0;
    for (struct dirent *entry; (entry = readdir(handle));) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char **slot = disc_push(walker, (void **)&names, &count, &capacity, sizeof *slot);
        if (!slot || !(*slot = arena_strdup(walker->arena, entry->d_name))) {
            disc_fail(walker, FASTEST_ENOMEM, "out of memory listing %s", dir);
            break;
        }
    }
    closedir(handle);
    qsort(names, count, sizeof *names, compare_entry_names);
    bool *directory = calloc(count ? count : 1, sizeof *directory);
    char **paths = calloc(count ? count : 1, sizeof *paths);
    const char **modules = calloc(count ? count : 1, sizeof *modules);
    size_t module_count = 0;
    for (size_t i = 0; directory && paths && modules && i < count && !walker->rc; i++) {
        paths[i] = strcmp(dir, "/") == 0 ? arena_printf(walker->arena, "/%s", names[i])
                                         : arena_printf(walker->arena, "%s/%s", dir, names[i]);
        struct stat info;
        if (!paths[i] || stat(paths[i], &info) != 0)
            continue; /* broken symlink */
        directory[i] = S_ISDIR(info.st_mode);
        if (S_ISREG(info.st_mode) && collects_walked_file(walker, paths[i]))
            modules[module_count++] = paths[i];
    }
    if (module_count && !walker->rc)
        collect_modules(walker, modules, module_count);
    free(modules);
    for (size_t i = 0; directory && paths && i < count && !walker->rc; i++) {
        if (!directory[i] || strcmp(names[i], "__pycache__") == 0)
            continue;
        if (disc_ignored(walker, paths[i], true) ||
            pat_any_fnmatch_ex(walker->norecursedirs, walker->norecursedir_count, paths[i]))
            continue;
        disc_walk_dir(walker, paths[i], &here);
    }
    free(directory);
    free(paths);
    free(names);
}
