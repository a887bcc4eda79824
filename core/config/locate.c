#include "config/locate.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "cli/text.h"

static const char *const config_names[] = {"pytest.ini", ".pytest.ini", "pyproject.toml",
                                           "tox.ini", "setup.cfg"};

/* os.path.abspath: joined to base when relative, then "." and ".." and
 * repeated slashes removed lexically. Returns a new string or NULL. */
static char *absolute_path(const char *path, const char *base)
{
    char *joined = path[0] == '/' ? strdup(path) : ft_format("%s/%s", base, path);
    if (!joined)
        return NULL;
    char *out = malloc(strlen(joined) + 2);
    if (!out) {
        free(joined);
        return NULL;
    }
    size_t length = 0;
    for (char *part = strtok(joined, "/"); part; part = strtok(NULL, "/")) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (length && out[length - 1] != '/')
                length--;
            if (length)
                length--;
            continue;
        }
        out[length++] = '/';
        memcpy(out + length, part, strlen(part));
        length += strlen(part);
    }
    if (!length)
        out[length++] = '/';
    out[length] = '\0';
    free(joined);
    return out;
}

/* The folder holding path, in a new string ("/" for "/"). */
static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t length = slash && slash != path ? (size_t)(slash - path) : 1;
    return strndup(path, length);
}

static bool is_directory(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

static bool is_regular_file(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

static bool exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0;
}

/* os.path.commonpath of two absolute normalized paths, in a new string. */
static char *common_path(const char *a, const char *b)
{
    size_t shared = 0;
    for (size_t i = 0;; i++) {
        bool a_end = a[i] == '\0' || a[i] == '/', b_end = b[i] == '\0' || b[i] == '/';
        if (a_end && b_end)
            shared = i;
        if (a[i] != b[i] || a[i] == '\0')
            break;
    }
    return strndup(a, shared ? shared : 1);
}

/* get_common_ancestor: of the paths that exist; cwd when none; a file's
 * folder when the ancestor is a file. */
static char *common_ancestor(char *const *paths, size_t count, const char *cwd)
{
    char *ancestor = NULL;
    for (size_t i = 0; i < count; i++) {
        if (!exists(paths[i]))
            continue;
        char *next = ancestor ? common_path(ancestor, paths[i]) : strdup(paths[i]);
        free(ancestor);
        if (!(ancestor = next))
            return NULL;
    }
    if (!ancestor)
        return strdup(cwd);
    if (is_regular_file(ancestor)) {
        char *folder = parent_of(ancestor);
        free(ancestor);
        return folder;
    }
    return ancestor;
}

/* locate_config: the first folder, from each of dirs upwards, that holds a
 * config file with pytest config. Returns 0 with out->rootdir still NULL
 * when there is none. */
static int find_config(char *const *dirs, size_t count, struct cfg_location *out,
                       char **out_error)
{
    for (size_t d = 0; d < count; d++) {
        char *base = strdup(dirs[d]);
        while (base) {
            for (size_t n = 0; n < sizeof(config_names) / sizeof(config_names[0]); n++) {
                char *candidate =
                    ft_format("%s%s%s", base, strcmp(base, "/") ? "/" : "", config_names[n]);
                if (!candidate) {
                    free(base);
                    return FASTEST_ENOMEM;
                }
                if (is_regular_file(candidate)) {
                    int rc = cfg_file_load(candidate, &out->contents, out_error);
                    if (rc || out->contents.holds_pytest_config) {
                        out->rootdir = rc ? NULL : base;
                        out->inifile = rc ? NULL : candidate;
                        if (rc) {
                            free(base);
                            free(candidate);
                        }
                        return rc;
                    }
                    cfg_file_contents_clear(&out->contents);
                }
                free(candidate);
            }
            bool at_root = strcmp(base, "/") == 0;
            char *up = at_root ? NULL : parent_of(base);
            free(base);
            base = up;
        }
    }
    return 0;
}

/* The nearest of start and its ancestors that holds setup.py, or NULL. */
static char *setup_py_folder(const char *start)
{
    char *base = strdup(start);
    while (base) {
        char *candidate = ft_format("%s/setup.py", strcmp(base, "/") ? base : "");
        bool found = candidate && is_regular_file(candidate);
        free(candidate);
        if (found)
            return base;
        char *up = strcmp(base, "/") ? parent_of(base) : NULL;
        free(base);
        base = up;
    }
    return NULL;
}

/* os.path.expandvars: $NAME and ${NAME} replaced when NAME is set. */
static char *expand_variables(const char *text)
{
    size_t capacity = strlen(text) + 1, length = 0;
    char *out = malloc(capacity);
    for (const char *c = text; out && *c;) {
        const char *value = NULL;
        size_t skip = 1;
        if (*c == '$') {
            bool braced = c[1] == '{';
            const char *name = c + 1 + braced;
            size_t name_length = 0;
            while (isalnum((unsigned char)name[name_length]) || name[name_length] == '_')
                name_length++;
            if (name_length && (!braced || name[name_length] == '}')) {
                char *key = strndup(name, name_length);
                value = key ? getenv(key) : NULL;
                free(key);
                skip = 1 + braced + name_length + braced;
            }
        }
        const char *piece = value ? value : c;
        size_t piece_length = value ? strlen(value) : 1;
        if (!value)
            skip = 1;
        if (length + piece_length + 1 > capacity) {
            capacity = (length + piece_length + 1) * 2;
            char *grown = realloc(out, capacity);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        memcpy(out + length, piece, piece_length);
        length += piece_length;
        c += skip;
    }
    if (out)
        out[length] = '\0';
    return out;
}

/* get_dirs_from_args. Returns the count stored in *out_dirs (malloc'd,
 * strings too), or -1 when out of memory. */
static long dirs_from_args(const char *const *args, size_t count, const char *cwd,
                           char ***out_dirs)
{
    char **dirs = calloc(count ? count : 1, sizeof(*dirs));
    long found = 0;
    for (size_t i = 0; dirs && i < count; i++) {
        if (args[i][0] == '-')
            continue;
        char *file_part = strndup(args[i], strstr(args[i], "::") ? (size_t)(strstr(args[i], "::") - args[i])
                                                                 : strlen(args[i]));
        char *path = file_part ? absolute_path(file_part, cwd) : NULL;
        free(file_part);
        if (!path)
            goto out_of_memory;
        if (!exists(path)) {
            free(path);
            continue;
        }
        if (!is_directory(path)) {
            char *folder = parent_of(path);
            free(path);
            if (!(path = folder))
                goto out_of_memory;
        }
        dirs[found++] = path;
    }
    *out_dirs = dirs;
    return dirs ? found : -1;
out_of_memory:
    for (long i = 0; i < found; i++)
        free(dirs[i]);
    free(dirs);
    return -1;
}

/* Step 3 and 4 of the algorithm in locate.h. */
static int search_from_args(char **dirs, size_t dir_count, const char *rootdir_arg,
                            const char *cwd, struct cfg_location *out, char **out_error)
{
    char *ancestor = common_ancestor(dirs, dir_count, cwd);
    if (!ancestor)
        return FASTEST_ENOMEM;
    int rc = find_config(&ancestor, 1, out, out_error);
    if (rc || out->rootdir || rootdir_arg) {
        free(ancestor);
        return rc;
    }
    out->rootdir = setup_py_folder(ancestor);
    bool only_ancestor = dir_count == 1 && strcmp(dirs[0], ancestor) == 0;
    if (!out->rootdir && !only_ancestor)
        rc = find_config(dirs, dir_count, out, out_error);
    if (!rc && !out->rootdir) {
        char *pair[] = {(char *)cwd, ancestor};
        out->rootdir = common_ancestor(pair, 2, cwd);
        if (out->rootdir && strcmp(out->rootdir, "/") == 0) {
            free(out->rootdir);
            out->rootdir = strdup(ancestor);
        }
        if (!out->rootdir)
            rc = FASTEST_ENOMEM;
    }
    free(ancestor);
    return rc;
}

int cfg_locate(const char *inifile_arg, const char *rootdir_arg, const char *const *args,
               size_t arg_count, const char *invocation_dir, struct cfg_location *out,
               char **out_error)
{
    char *cwd = absolute_path(invocation_dir, "/");
    char **dirs;
    long dir_count = cwd ? dirs_from_args(args, arg_count, cwd, &dirs) : -1;
    if (dir_count < 0) {
        free(cwd);
        return FASTEST_ENOMEM;
    }
    invocation_dir = cwd;
    int rc = 0;
    if (inifile_arg && *inifile_arg) {
        out->inifile = absolute_path(inifile_arg, invocation_dir);
        rc = out->inifile ? cfg_file_load(out->inifile, &out->contents, out_error)
                          : FASTEST_ENOMEM;
        if (!rc && !(rootdir_arg && *rootdir_arg))
            out->rootdir = parent_of(out->inifile);
    } else {
        rc = search_from_args(dirs, (size_t)dir_count, rootdir_arg, invocation_dir, out,
                              out_error);
    }
    for (long i = 0; i < dir_count; i++)
        free(dirs[i]);
    free(dirs);
    if (!rc && rootdir_arg && *rootdir_arg) {
        char *expanded = expand_variables(rootdir_arg);
        free(out->rootdir);
        out->rootdir = expanded ? absolute_path(expanded, invocation_dir) : NULL;
        free(expanded);
        if (!out->rootdir)
            rc = FASTEST_ENOMEM;
        else if (!is_directory(out->rootdir)) {
            *out_error = ft_format("Directory '%s' not found. Check your '--rootdir' option.",
                                   out->rootdir);
            rc = *out_error ? FASTEST_EUSAGE : FASTEST_ENOMEM;
        }
    }
    free(cwd);
    if (rc)
        cfg_location_clear(out);
    return rc;
}

void cfg_location_clear(struct cfg_location *location)
{
    free(location->rootdir);
    free(location->inifile);
    cfg_file_contents_clear(&location->contents);
    location->rootdir = location->inifile = NULL;
}
