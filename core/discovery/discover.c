/* The walk of pytest 7.2.1's Session.collect / Package.collect: arguments,
 * directories depth-first with each level's files before its subdirs (both
 * sorted by name), conftest collect_ignore, --ignore, --ignore-glob,
 * norecursedirs, virtualenvs; then each module's items into the plan. */
#include "discovery/discover.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "cache/directory.h"
#include "cache/discovery_cache.h"
#include "discovery/extract.h"
#include "discovery/pattern.h"
#include "discovery/source.h"

static const char *const default_python_files[] = {"test_*.py", "*_test.py"};
static const char *const default_python_classes[] = {"Test"};
static const char *const default_python_functions[] = {"test"};
static const char *const default_norecursedirs[] = {"*.egg", ".*", "_darcs", "build", "CVS",
                                                    "dist", "node_modules", "venv", "{arch}"};
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
    const char **seen; /* files collected by directory walks */
    size_t seen_count, seen_capacity;
    int rc;
    char *error;
};

static void *push(struct walker *walker, void **array, size_t *count, size_t *capacity,
                  size_t size)
{
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 32;
        void *bigger = realloc(*array, grown * size);
        if (!bigger)
            return NULL;
        *array = bigger;
        *capacity = grown;
    }
    (void)walker;
    return (char *)*array + (*count)++ * size;
}

static void fail(struct walker *walker, int rc, const char *format, ...)
{
    if (walker->rc)
        return;
    walker->rc = rc;
    va_list args;
    va_start(args, format);
    if (vasprintf(&walker->error, format, args) < 0)
        walker->error = NULL;
    va_end(args);
}

/* Absolute, normalized ("." and ".." folded) form of path relative to base.
 * Arena-owned. */
static char *absolute(struct walker *walker, const char *base, const char *path)
{
    char *joined = path[0] == '/' ? arena_strdup(walker->arena, path)
                                  : arena_printf(walker->arena, "%s/%s", base, path);
    if (!joined)
        return NULL;
    char *out = arena_alloc(walker->arena, strlen(joined) + 2);
    if (!out)
        return NULL;
    size_t used = 0;
    for (char *part = strtok(joined, "/"); part; part = strtok(NULL, "/")) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (used > 0 && out[used - 1] != '/')
                used--;
            if (used > 0)
                used--;
            continue;
        }
        out[used++] = '/';
        size_t length = strlen(part);
        memcpy(out + used, part, length);
        used += length;
    }
    if (used == 0)
        out[used++] = '/';
    out[used] = '\0';
    return out;
}

/* path relative to rootdir ("" for rootdir itself); paths outside rootdir
 * stay absolute. */
static const char *relative(const struct walker *walker, const char *path)
{
    size_t length = strlen(walker->rootdir);
    if (strcmp(walker->rootdir, "/") == 0)
        return path + 1;
    if (strncmp(path, walker->rootdir, length) == 0 && (path[length] == '/' || !path[length]))
        return path[length] ? path + length + 1 : path + length;
    return path;
}

static char *parent_of(struct walker *walker, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return arena_strdup(walker->arena, "/");
    return arena_strndup(walker->arena, path, (size_t)(slash - path));
}

static const char *basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool is_file(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* --- conftest.py ------------------------------------------------------- */

static struct disc_module *extract_file(struct walker *walker, const char *path,
                                        bool is_conftest)
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
        fail(walker, rc, "out of memory reading %s", path);
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
        fail(walker, rc, "%s: %s", path, error ? error : fastest_strerror(rc));
        free(error);
        return NULL;
    }
    if (walker->cache && cache_store(walker->cache, &key, module))
        fail(walker, FASTEST_ENOMEM, "out of memory caching %s", path);
    return module;
}

static void add_fixtures(struct walker *walker, const char *path,
                         const struct disc_module *module)
{
    for (size_t i = 0; i < module->fixture_count; i++) {
        const struct disc_fixture *found = &module->fixtures[i];
        struct plan_fixture fixture = {
            .name = found->name,
            .path = relative(walker, path),
            .class_name = found->class_name,
            .line = found->line,
            .scope = found->scope,
            .autouse = found->autouse,
            .has_params = found->has_params,
            .params_literal = found->params_literal,
        };
        if (plan_add_fixture(walker->plan, &fixture))
            fail(walker, FASTEST_ENOMEM, "out of memory recording fixtures");
    }
}

/* The conftest.py of dir (loaded on first use), or NULL. */
static struct disc_module *conftest_of(struct walker *walker, const char *dir)
{
    for (size_t i = 0; i < walker->conftest_count; i++)
        if (strcmp(walker->conftests[i].dir, dir) == 0)
            return walker->conftests[i].module;
    struct conftest *entry = push(walker, (void **)&walker->conftests, &walker->conftest_count,
                                  &walker->conftest_capacity, sizeof *entry);
    if (!entry) {
        fail(walker, FASTEST_ENOMEM, "out of memory loading conftest files");
        return NULL;
    }
    entry->dir = arena_strdup(walker->arena, dir);
    entry->module = NULL;
    char *path = arena_printf(walker->arena, "%s/conftest.py", dir);
    if (!path || !is_file(path))
        return NULL;
    struct disc_module *module = extract_file(walker, path, true);
    /* conftest_of may have grown the vector: find the entry again. */
    walker->conftests[walker->conftest_count - 1].module = module;
    if (module) {
        if (plan_add_conftest(walker->plan, relative(walker, path), module->flags,
                              module->error))
            fail(walker, FASTEST_ENOMEM, "out of memory recording conftest files");
        add_fixtures(walker, path, module);
    }
    return module;
}

/* Calls visit for dir and each ancestor up to rootdir, innermost first,
 * until it returns true. */
static bool for_conftests_upward(struct walker *walker, const char *dir,
                                 bool (*visit)(struct walker *, const char *,
                                               struct disc_module *, void *),
                                 void *context)
{
    char *current = arena_strdup(walker->arena, dir);
    while (current) {
        struct disc_module *module = conftest_of(walker, current);
        if (module && visit(walker, current, module, context))
            return true;
        if (strcmp(current, walker->rootdir) == 0 || strcmp(current, "/") == 0 ||
            strlen(current) < strlen(walker->rootdir))
            break;
        current = parent_of(walker, current);
    }
    return false;
}

/* --- ignoring ----------------------------------------------------------- */

struct ignore_query {
    const char *path;
    bool glob;
    bool decided;
    bool ignored;
};

/* _getconftest_pathlist: the closest conftest defining the list decides. */
static bool check_conftest_ignores(struct walker *walker, const char *dir,
                                   struct disc_module *module, void *context)
{
    struct ignore_query *query = context;
    const char *const *list = query->glob ? module->collect_ignore_glob : module->collect_ignore;
    size_t count = query->glob ? module->collect_ignore_glob_count : module->collect_ignore_count;
    if (!list && !module->collect_ignore_dynamic)
        return false;
    for (size_t i = 0; i < count; i++) {
        char *entry = absolute(walker, dir, list[i]);
        if (entry && (query->glob ? pat_fnmatch(entry, query->path)
                                  : strcmp(entry, query->path) == 0))
            query->ignored = true;
    }
    query->decided = true;
    return true;
}

static bool in_virtualenv(struct walker *walker, const char *dir)
{
    static const char *const activates[] = {"activate", "activate.csh", "activate.fish",
                                            "Activate", "Activate.bat", "Activate.ps1"};
    for (size_t i = 0; i < COUNT_OF(activates); i++) {
        char *script = arena_printf(walker->arena, "%s/bin/%s", dir, activates[i]);
        struct stat info;
        if (script && lstat(script, &info) == 0)
            return true;
    }
    return false;
}

/* main.pytest_ignore_collect for path (a file or a dir). */
static bool ignored(struct walker *walker, const char *path, bool directory)
{
    const struct disc_settings *settings = walker->settings;
    char *parent = parent_of(walker, path);
    struct ignore_query query = {.path = path};
    if (parent)
        for_conftests_upward(walker, parent, check_conftest_ignores, &query);
    if (query.ignored)
        return true;
    for (size_t i = 0; i < settings->ignore_count; i++) {
        char *entry = absolute(walker, walker->invocation_dir, settings->ignore[i]);
        if (entry && strcmp(entry, path) == 0)
            return true;
    }
    query = (struct ignore_query){.path = path, .glob = true};
    if (parent)
        for_conftests_upward(walker, parent, check_conftest_ignores, &query);
    if (query.ignored)
        return true;
    for (size_t i = 0; i < settings->ignore_glob_count; i++) {
        char *glob = absolute(walker, walker->invocation_dir, settings->ignore_glob[i]);
        if (glob && pat_fnmatch(glob, path))
            return true;
    }
    return directory && in_virtualenv(walker, path);
}

/* --- modules into the plan ------------------------------------------------ */

struct fixture_query {
    const char *name;
    bool found_params;
    const struct disc_fixture *found;
};

static const struct disc_fixture *find_fixture(const struct disc_module *module,
                                               const char *name)
{
    for (size_t i = module->fixture_count; i-- > 0;)
        if (strcmp(module->fixtures[i].name, name) == 0)
            return &module->fixtures[i];
    return NULL;
}

static bool visit_fixture(struct walker *walker, const char *dir, struct disc_module *module,
                          void *context)
{
    (void)walker, (void)dir;
    struct fixture_query *query = context;
    query->found = find_fixture(module, query->name);
    return query->found != NULL;
}

/* The fixture pytest would resolve for name from a module: the module's
 * own, else the closest conftest's. NULL when none of ours (builtin or a
 * plugin's: those have no params). */
static const struct disc_fixture *resolve_fixture(struct walker *walker, const char *dir,
                                                  const struct disc_module *module,
                                                  const char *name)
{
    const struct disc_fixture *own = find_fixture(module, name);
    if (own)
        return own;
    struct fixture_query query = {.name = name};
    for_conftests_upward(walker, dir, visit_fixture, &query);
    return query.found;
}

/* True when requesting names (transitively) reaches a fixture with params,
 * whose ids only an import can compute. */
static bool needs_parametrized_fixture(struct walker *walker, const char *dir,
                                       const struct disc_module *module,
                                       const char *const *names, size_t count, int depth)
{
    if (depth > 32)
        return true;
    for (size_t i = 0; i < count; i++) {
        const struct disc_fixture *fixture = resolve_fixture(walker, dir, module, names[i]);
        if (!fixture)
            continue;
        if (fixture->has_params ||
            needs_parametrized_fixture(walker, dir, module, fixture->argnames,
                                       fixture->argname_count, depth + 1))
            return true;
    }
    return false;
}

static bool visit_session_wide(struct walker *walker, const char *dir, struct disc_module *module,
                               void *context)
{
    (void)walker, (void)dir;
    bool *dynamic = context;
    if (module->generates_tests)
        *dynamic = true;
    for (size_t i = 0; i < module->fixture_count; i++)
        if (module->fixtures[i].autouse && module->fixtures[i].has_params)
            *dynamic = true;
    return false;
}

/* Does the item's chain of names match the parts of a node id argument
 * (`file.py::TestA::test_b[1]`)? Each part names a node, or a
 * parametrized function by its name before '['. */
static bool matches_parts(const struct disc_item *item, const char *const *parts,
                          size_t part_count, struct walker *walker)
{
    if (!part_count)
        return true;
    size_t depth = 0;
    const char *chain[64];
    if (item->class_name) {
        char *classes = arena_strdup(walker->arena, item->class_name);
        for (char *save = NULL, *name = classes ? strtok_r(classes, ":", &save) : NULL;
             name && depth < 63; name = strtok_r(NULL, ":", &save))
            chain[depth++] = name;
    }
    chain[depth++] = item->name;
    if (part_count > depth)
        return false;
    for (size_t i = 0; i < part_count; i++) {
        const char *name = chain[i];
        if (strcmp(name, parts[i]) == 0)
            continue;
        size_t base = strcspn(name, "[");
        bool last = i + 1 == depth;
        if (last && strlen(parts[i]) == base && strncmp(name, parts[i], base) == 0)
            continue;
        if (last && item->dynamic && strncmp(parts[i], item->function_name,
                                             strlen(item->function_name)) == 0)
            continue;
        return false;
    }
    return part_count == depth || part_count < depth;
}

/* The "::" before the last name of a class chain ("A::B" -> "::B"), or
 * NULL for a single name. */
static const char *strrstr_sep(const char *chain)
{
    const char *last = NULL;
    for (const char *at = strstr(chain, "::"); at; at = strstr(at + 2, "::"))
        last = at;
    return last;
}

/* Does pytest collect the collector ("A::B", NULL for the module) when the
 * argument names parts below the module? Only collectors along the parts
 * are: each name must match as far as both go. */
static bool collects(const char *collector, const char *const *parts, size_t part_count)
{
    for (size_t i = 0; collector && *collector && i < part_count; i++) {
        size_t length = strcspn(collector, ":");
        if (strlen(parts[i]) != length || strncmp(parts[i], collector, length) != 0)
            return false;
        collector += length;
        if (*collector)
            collector += 2; /* "::" */
    }
    return true;
}

/* A collection warning as pytest words it (Node.warn + formatwarning). */
static void add_warning(struct walker *walker, const char *path, size_t file_index,
                        const struct disc_warning *found)
{
    const char *rel = relative(walker, path);
    const char *message = found->message;
    if (found->kind == DISC_WARNING_CLASS) {
        /* Class.collect says "(from: <parent's node id>)". */
        const char *last = found->collector ? strrstr_sep(found->collector) : NULL;
        message = last ? arena_printf(walker->arena, "%s (from: %s::%.*s)", message, rel,
                                      (int)(last - found->collector), found->collector)
                       : arena_printf(walker->arena, "%s (from: %s)", message, rel);
    }
    struct plan_warning warning = {
        .location_path = found->kind == DISC_WARNING_CLASS ? path : rel,
        .location_line = found->line + 1,
        .category = "PytestCollectionWarning",
        .file_index = file_index,
    };
    if (message)
        warning.warning_message =
            found->source_line && *found->source_line
                ? arena_printf(walker->arena, "%s:%d: %s: %s\n  %s\n", warning.location_path,
                               warning.location_line, warning.category, message,
                               found->source_line)
                : arena_printf(walker->arena, "%s:%d: %s: %s\n", warning.location_path,
                               warning.location_line, warning.category, message);
    if (!warning.warning_message || plan_add_warning(walker->plan, &warning))
        fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
}

/* Adds a module and its items to the plan. Returns the number of items
 * the parts selected. */
static size_t add_module(struct walker *walker, const char *path, const struct disc_module *module,
                         const char *const *parts, size_t part_count)
{
    char *dir = parent_of(walker, path);
    const char *rel = relative(walker, path);
    size_t file_index;
    if (!dir || plan_add_file(walker->plan, rel, module->flags, module->error, &file_index)) {
        fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
        return 0;
    }
    if ((module->flags & PLAN_FILE_DYNAMIC) &&
        plan_set_file_dynamic(walker->plan, file_index, module->dynamic_reason))
        fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
    for (size_t i = 0; i < module->warning_count; i++)
        if (collects(module->warnings[i].collector, parts, part_count))
            add_warning(walker, path, file_index, &module->warnings[i]);
    bool session_dynamic = module->generates_tests;
    for_conftests_upward(walker, dir, visit_session_wide, &session_dynamic);
    for (size_t i = 0; i < module->fixture_count && !session_dynamic; i++)
        session_dynamic = module->fixtures[i].autouse && module->fixtures[i].has_params;

    /* Node names up the chain for -k: the package (a dir with __init__.py)
     * and the module, named relative to its parent collector. */
    char *init = arena_printf(walker->arena, "%s/__init__.py", dir);
    bool in_package = init && is_file(init);
    const char *package_name = in_package ? basename_of(dir) : NULL;
    const char *module_name = in_package ? basename_of(path) : rel;

    size_t selected = 0;
    const char *last_dynamic_function = NULL, *last_dynamic_class = NULL;
    for (size_t i = 0; i < module->item_count; i++) {
        const struct disc_item *found = &module->items[i];
        struct plan_item item = {
            .class_name = found->class_name,
            .function_name = found->function_name,
            .name = found->name,
            .line = found->line,
            .node_kind = found->node_kind,
            .xdist_group = found->xdist_group,
            .marks = found->marks,
            .mark_count = found->mark_count,
            .dynamic = found->dynamic,
            .dynamic_reason = found->dynamic_reason,
        };
        if (!item.dynamic && session_dynamic) {
            item.dynamic = true;
            item.dynamic_reason = arena_printf(walker->arena,
                                               "pytest_generate_tests or an autouse fixture "
                                               "with params may parametrize %s",
                                               found->function_name);
        } else if (!item.dynamic && needs_parametrized_fixture(walker, dir, module,
                                                               found->fixture_names,
                                                               found->fixture_count, 0)) {
            item.dynamic = true;
            item.dynamic_reason = arena_printf(walker->arena,
                                               "%s requests a fixture with params",
                                               found->function_name);
        }
        if (item.dynamic) {
            /* One placeholder per function: its items come from import. */
            const char *reason = arena_printf(walker->arena, "line %d: %s", item.line + 1,
                                              item.dynamic_reason);
            if (!reason || plan_set_file_dynamic(walker->plan, file_index, reason))
                fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            if (last_dynamic_function && strcmp(last_dynamic_function, found->function_name) == 0 &&
                ((!last_dynamic_class && !found->class_name) ||
                 (last_dynamic_class && found->class_name &&
                  strcmp(last_dynamic_class, found->class_name) == 0)))
                continue;
            last_dynamic_function = found->function_name;
            last_dynamic_class = found->class_name;
            item.name = found->function_name;
        }
        if (!matches_parts(found, parts, part_count, walker))
            continue;
        const char **keywords =
            arena_alloc(walker->arena, (found->keyword_count + 2) * sizeof *keywords);
        if (!keywords) {
            fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            return selected;
        }
        size_t keyword_count = 0;
        for (size_t k = 0; k < found->keyword_count; k++)
            keywords[keyword_count++] = found->keywords[k];
        keywords[keyword_count++] = module_name;
        if (package_name)
            keywords[keyword_count++] = package_name;
        item.keywords = keywords;
        item.keyword_count = keyword_count;
        if (plan_add_item(walker->plan, file_index, &item)) {
            fail(walker, FASTEST_ENOMEM, "out of memory building the plan");
            return selected;
        }
        selected++;
    }
    return selected;
}

static bool seen_before(struct walker *walker, const char *path)
{
    for (size_t i = 0; i < walker->seen_count; i++)
        if (strcmp(walker->seen[i], path) == 0)
            return true;
    const char **slot = push(walker, (void **)&walker->seen, &walker->seen_count,
                             &walker->seen_capacity, sizeof *slot);
    if (slot)
        *slot = path;
    return false;
}

/* A file met by a directory walk (Session._collectfile + the python plugin's
 * pytest_collect_file). */
static void collect_walked_file(struct walker *walker, const char *path)
{
    const char *name = basename_of(path);
    size_t length = strlen(name);
    if (length < 3 || strcmp(name + length - 3, ".py") != 0)
        return;
    if (ignored(walker, path, false) || seen_before(walker, path))
        return;
    if (!pat_any_fnmatch_ex(walker->python_files, walker->python_file_count, path))
        return; /* __init__.py makes a Package, which collects nothing itself */
    struct disc_module *module = extract_file(walker, path, false);
    if (module)
        add_module(walker, path, module, NULL, 0);
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
static void walk_dir(struct walker *walker, const char *dir, const struct dir_stack *stack)
{
    struct stat self;
    if (stat(dir, &self) != 0)
        return;
    for (const struct dir_stack *up = stack; up; up = up->parent)
        if (up->device == self.st_dev && up->inode == self.st_ino)
            return; /* a symlink loop */
    struct dir_stack here = {self.st_dev, self.st_ino, stack};
    conftest_of(walker, dir);

    DIR *handle = opendir(dir);
    if (!handle)
        return; /* unreadable: pytest skips what it cannot list too */
    char **names = NULL;
    size_t count = 0, capacity = 0;
    for (struct dirent *entry; (entry = readdir(handle));) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char **slot = push(walker, (void **)&names, &count, &capacity, sizeof *slot);
        if (!slot || !(*slot = arena_strdup(walker->arena, entry->d_name))) {
            fail(walker, FASTEST_ENOMEM, "out of memory listing %s", dir);
            break;
        }
    }
    closedir(handle);
    qsort(names, count, sizeof *names, compare_entry_names);
    bool *directory = calloc(count ? count : 1, sizeof *directory);
    char **paths = calloc(count ? count : 1, sizeof *paths);
    for (size_t i = 0; directory && paths && i < count && !walker->rc; i++) {
        paths[i] = strcmp(dir, "/") == 0 ? arena_printf(walker->arena, "/%s", names[i])
                                         : arena_printf(walker->arena, "%s/%s", dir, names[i]);
        struct stat info;
        if (!paths[i] || stat(paths[i], &info) != 0)
            continue; /* broken symlink */
        directory[i] = S_ISDIR(info.st_mode);
        if (S_ISREG(info.st_mode))
            collect_walked_file(walker, paths[i]);
    }
    for (size_t i = 0; directory && paths && i < count && !walker->rc; i++) {
        if (!directory[i] || strcmp(names[i], "__pycache__") == 0)
            continue;
        if (ignored(walker, paths[i], true) ||
            pat_any_fnmatch_ex(walker->norecursedirs, walker->norecursedir_count, paths[i]))
            continue;
        walk_dir(walker, paths[i], &here);
    }
    free(directory);
    free(paths);
    free(names);
}

/* --- arguments ------------------------------------------------------------ */

/* resolve_collection_argument: "path::A::b[x]" into the path and parts. */
static void collect_argument(struct walker *walker, const char *arg)
{
    char *copy = arena_strdup(walker->arena, arg);
    if (!copy)
        return;
    char *bracket = strchr(copy, '[');
    char *path_end = strstr(copy, "::");
    if (bracket && path_end && bracket < path_end)
        path_end = NULL; /* '[' before any '::' belongs to the path */
    const char *parts[64];
    size_t part_count = 0;
    if (path_end) {
        *path_end = '\0';
        char *rest = path_end + 2;
        while (rest && part_count < 64) {
            char *next = NULL;
            char *separator = strstr(rest, "::");
            char *open = strchr(rest, '[');
            if (separator && !(open && open < separator)) {
                *separator = '\0';
                next = separator + 2;
            }
            parts[part_count++] = rest;
            rest = next;
        }
    }
    char *path = absolute(walker, walker->invocation_dir, copy);
    if (!path)
        return;
    if (is_dir(path)) {
        if (part_count) {
            fail(walker, FASTEST_EUSAGE, "ERROR: invalid arg '%s': a directory cannot be "
                                         "followed by '::' node names", arg);
            return;
        }
        for_conftests_upward(walker, path, check_conftest_ignores,
                             &(struct ignore_query){.path = ""});
        walk_dir(walker, path, NULL);
        return;
    }
    if (!is_file(path)) {
        fail(walker, FASTEST_EUSAGE, "file or directory not found: %s", arg);
        return;
    }
    char *dir = parent_of(walker, path);
    if (dir)
        for_conftests_upward(walker, dir, check_conftest_ignores,
                             &(struct ignore_query){.path = ""});
    const char *name = basename_of(path);
    size_t length = strlen(name);
    if (length < 3 || strcmp(name + length - 3, ".py") != 0) {
        fail(walker, FASTEST_EUSAGE, "ERROR: found no collectors for %s", path);
        return;
    }
    struct disc_module *module = extract_file(walker, path, false);
    if (!module)
        return;
    size_t selected = add_module(walker, path, module, parts, part_count);
    if (part_count && !selected && !(module->flags & PLAN_FILE_DYNAMIC) && !module->error)
        fail(walker, FASTEST_EUSAGE, "ERROR: not found: %s", arg);
}

static int open_cache(struct walker *walker)
{
    const struct disc_settings *settings = walker->settings;
    if (!settings->use_cache)
        return 0;
    const char *dir = absolute(walker, walker->rootdir,
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
static void close_cache(struct walker *walker)
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

int disc_run(const struct disc_settings *settings, struct ft_plan *plan, char **out_error)
{
    *out_error = NULL;
    struct walker walker = {
        .settings = settings,
        .plan = plan,
        .arena = plan_arena(plan),
        .patterns =
            {
                .python_classes = settings->python_classes ? settings->python_classes
                                                           : default_python_classes,
                .python_class_count = settings->python_classes
                                          ? settings->python_class_count
                                          : COUNT_OF(default_python_classes),
                .python_functions = settings->python_functions ? settings->python_functions
                                                               : default_python_functions,
                .python_function_count = settings->python_functions
                                             ? settings->python_function_count
                                             : COUNT_OF(default_python_functions),
            },
        .python_files = settings->python_files ? settings->python_files : default_python_files,
        .python_file_count =
            settings->python_files ? settings->python_file_count : COUNT_OF(default_python_files),
        .norecursedirs = settings->norecursedirs ? settings->norecursedirs : default_norecursedirs,
        .norecursedir_count = settings->norecursedirs ? settings->norecursedir_count
                                                      : COUNT_OF(default_norecursedirs),
    };
    walker.rootdir = absolute(&walker, "/", settings->rootdir);
    walker.invocation_dir = settings->invocation_dir
                                ? absolute(&walker, "/", settings->invocation_dir)
                                : walker.rootdir;
    if (!walker.rootdir || !walker.invocation_dir || open_cache(&walker)) {
        *out_error = strdup("out of memory starting discovery");
        return FASTEST_ENOMEM;
    }
    if (settings->arg_count) {
        for (size_t i = 0; i < settings->arg_count && !walker.rc; i++)
            collect_argument(&walker, settings->args[i]);
    } else {
        /* Config.parse: testpaths (globbed, relative to rootdir) only when
         * invoked from rootdir; else, or when they match nothing, the
         * invocation dir. */
        size_t found = 0;
        if (strcmp(walker.invocation_dir, walker.rootdir) == 0) {
            for (size_t i = 0; i < settings->testpath_count && !walker.rc; i++) {
                char *pattern = absolute(&walker, walker.rootdir, settings->testpaths[i]);
                glob_t matches;
                if (!pattern || glob(pattern, 0, NULL, &matches) != 0)
                    continue;
                for (size_t m = 0; m < matches.gl_pathc && !walker.rc; m++, found++)
                    collect_argument(&walker, matches.gl_pathv[m]);
                globfree(&matches);
            }
        }
        if (!found && !walker.rc)
            collect_argument(&walker, walker.invocation_dir);
    }
    close_cache(&walker);
    free(walker.conftests);
    free(walker.seen);
    if (walker.rc) {
        *out_error = walker.error ? walker.error : strdup(fastest_strerror(walker.rc));
        return walker.rc;
    }
    return 0;
}
