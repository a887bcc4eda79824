
#include "pytest_cache/store.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fastest/errors.h>

static const char readme[] =
    "# pytest cache directory #\n"
    "\n"
    "This directory contains data from the pytest's cache plugin,\n"
    "which provides the `--lf` and `--ff` options, as well as the `cache` fixture.\n"
    "\n"
    "**Do not** commit this to version control.\n"
    "\n"
    "See [the docs](https://docs.pytest.org/en/stable/how-to/cache.html) for more information.\n";
static const char gitignore[] = "# Created by pytest automatically.\n*\n";
static const char cachedir_tag[] = "Signature: 8a477f597d28d172789f06886806bc55\n"
                                   "# This file is a cache directory tag created by pytest.\n"
                                   "# For information about cache directory tags, see:\n"
                                   "#\thttps://bford.info/cachedir/spec.html\n";

/* Appends length bytes to *text (a malloc'd string, or NULL to start). */
static bool append(char **text, size_t *length, const char *data, size_t count)
{
    char *grown = realloc(*text, *length + count + 1);
    if (!grown)
        return false;
    memcpy(grown + *length, data, count);
    *length += count;
    grown[*length] = '\0';
    *text = grown;
    return true;
}

/* os.path.expanduser then os.path.expandvars; malloc'd or NULL. */
static char *expand(const char *value)
{
    char *out = NULL;
    size_t length = 0;
    bool ok = append(&out, &length, "", 0);
    const char *home = getenv("HOME");
    if (value[0] == '~' && (value[1] == '/' || value[1] == '\0') && home) {
        ok = ok && append(&out, &length, home, strlen(home));
        value++;
    }
    for (const char *p = value; ok && *p;) {
        const char *name = p + 1, *name_end;
        bool braced = *p == '$' && *name == '{';
        if (braced)
            name++;
        for (name_end = name; *name_end == '_' || (*name_end >= 'a' && *name_end <= 'z') ||
                              (*name_end >= 'A' && *name_end <= 'Z') ||
                              (*name_end >= '0' && *name_end <= '9');
             name_end++)
            ;
        const char *after = braced ? (*name_end == '}' ? name_end + 1 : NULL) : name_end;
        char *variable = *p == '$' && name_end > name && after ? strndup(name, (size_t)(name_end - name)) : NULL;
        const char *setting = variable ? getenv(variable) : NULL;
        free(variable);
        if (setting) {
            ok = append(&out, &length, setting, strlen(setting));
            p = after;
        } else {
            ok = append(&out, &length, p, 1);
            p++;
        }
    }
    if (!ok) {
        free(out);
        return NULL;
    }
    return out;
}

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk)
{
    (void)info;
    (void)type;
    (void)walk;
    remove(path);
    return 0;
}

int pc_store_open(struct pc_store *out, const char *rootdir, const char *cache_dir, bool clear)
{
    *out = (struct pc_store){0};
    char *expanded = expand(cache_dir ? cache_dir : ".pytest_cache");
    if (!expanded)
        return FASTEST_ENOMEM;
    if (expanded[0] == '/')
        out->dir = expanded;
    else if (asprintf(&out->dir, "%s/%s", rootdir, expanded) < 0)
        out->dir = NULL;
    if (out->dir != expanded)
        free(expanded);
    if (!out->dir)
        return FASTEST_ENOMEM;
    for (const char *prefix = "d"; clear && prefix; prefix = prefix[0] == 'd' ? "v" : NULL) {
        char *sub;
        if (asprintf(&sub, "%s/%s", out->dir, prefix) < 0)
            return FASTEST_ENOMEM;
        nftw(sub, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        free(sub);
    }
    return 0;
}

void pc_store_close(struct pc_store *store)
{
    free(store->dir);
    store->dir = NULL;
}

static char *read_file(const char *path, size_t *out_length)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    char *text = NULL;
    size_t length = 0;
    char chunk[8192];
    size_t got;
    bool ok = append(&text, &length, "", 0);
    while (ok && (got = fread(chunk, 1, sizeof chunk, file)) > 0)
        ok = append(&text, &length, chunk, got);
    if (ferror(file))
        ok = false;
    fclose(file);
    if (!ok) {
        free(text);
        return NULL;
    }
    *out_length = length;
    return text;
}

struct pcj_value *pc_store_get(const struct pc_store *store, const char *key)
{
    char *path;
    if (asprintf(&path, "%s/v/%s", store->dir, key) < 0)
        return NULL;
    size_t length = 0;
    char *text = read_file(path, &length);
    free(path);
    struct pcj_value *value = NULL;
    char *error = NULL;
    if (text)
        pcj_parse(text, length, &value, &error);
    free(error);
    free(text);
    return value;
}

static bool is_dir(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* mkdir -p */
static bool make_dirs(char *path)
{
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        bool made = mkdir(path, 0777) == 0 || errno == EEXIST;
        *slash = '/';
        if (!made)
            return false;
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

static bool write_whole(const char *path, const char *text)
{
    FILE *file = fopen(path, "wb");
    if (!file)
        return false;
    size_t length = strlen(text);
    bool ok = fwrite(text, 1, length, file) == length;
    return fclose(file) == 0 && ok;
}

static void supporting_files(const char *dir)
{
    static const char *const names[] = {"README.md", ".gitignore", "CACHEDIR.TAG"};
    const char *const texts[] = {readme, gitignore, cachedir_tag};
    for (size_t i = 0; i < 3; i++) {
        char *path;
        if (asprintf(&path, "%s/%s", dir, names[i]) < 0)
            return;
        write_whole(path, texts[i]);
        free(path);
    }
}

static int warn(char **out_warning, const char *what, const char *path)
{
    if (asprintf(out_warning, "%s %s", what, path) < 0) {
        *out_warning = NULL;
        return FASTEST_ENOMEM;
    }
    return FASTEST_EIO;
}

int pc_store_set(const struct pc_store *store, const char *key, const char *text,
                 char **out_warning)
{
    *out_warning = NULL;
    char *path = NULL, *temporary = NULL;
    if (asprintf(&path, "%s/v/%s", store->dir, key) < 0)
        return FASTEST_ENOMEM;
    char *parent = strdup(path);
    if (!parent) {
        free(path);
        return FASTEST_ENOMEM;
    }
    *strrchr(parent, '/') = '\0';
    int rc = 0;
    bool existed = is_dir(parent) || access(store->dir, F_OK) == 0;
    if (!is_dir(parent) && !make_dirs(parent)) {
        rc = warn(out_warning, "could not create cache path", path);
    } else {
        if (!existed)
            supporting_files(store->dir);
        if (asprintf(&temporary, "%s.%ld.tmp", path, (long)getpid()) < 0)
            rc = FASTEST_ENOMEM;
        else if (!write_whole(temporary, text) || rename(temporary, path) != 0) {
            unlink(temporary);
            rc = warn(out_warning, "cache could not write path", path);
        }
    }
    free(temporary);
    free(parent);
    free(path);
    return rc;
}
