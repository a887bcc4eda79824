#include "plugin/loader.h"

#include <dirent.h>
#include <stdbool.h>
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/fixture.h>
#include <fastest/reporter.h>
#include <fastest/strategy.h>

#include "plugin/min_sizes.h"

const char *plug_kind_name(unsigned kind)
{
    switch (kind) {
    case FASTEST_PLUGIN_STRATEGY:
        return "strategy";
    case FASTEST_PLUGIN_REPORTER:
        return "reporter";
    case FASTEST_PLUGIN_FIXTURES:
        return "fixtures";
    }
    return NULL;
}

/* Formats a refusal into *out_error and returns code. */
__attribute__((format(printf, 3, 4))) static int refuse(char **out_error, int code,
                                                        const char *format, ...)
{
    va_list args;
    va_start(args, format);
    if (vasprintf(out_error, format, args) < 0)
        *out_error = NULL;
    va_end(args);
    return code;
}

/* The size a kind's table must have at least for ABI 1.0. */
static size_t table_min_size(unsigned kind)
{
    switch (kind) {
    case FASTEST_PLUGIN_STRATEGY:
        return FT_MIN_SIZE_STRATEGY;
    case FASTEST_PLUGIN_REPORTER:
        return FT_MIN_SIZE_REPORTER;
    case FASTEST_PLUGIN_FIXTURES:
        return FT_MIN_SIZE_FIXTURES;
    }
    return 0;
}

/* Checks the version stamp of a struct the plugin handed over. what names
 * it in the message ("descriptor", "strategy table"). */
static int check_header(const struct fastest_struct_header *header, size_t min_size,
                        const char *path, const char *what, char **out_error)
{
    uint32_t major = FASTEST_ABI_MAJOR_OF(header->abi_version);
    uint32_t minor = FASTEST_ABI_MINOR_OF(header->abi_version);
    if (major != FASTEST_ABI_MAJOR)
        return refuse(out_error, FASTEST_EABIMAJOR,
                      "plugin %s refused: its %s was built for plugin ABI %u.%u, this fastest "
                      "provides ABI %u.%u; rebuild the plugin against fastest-sdk %u.x",
                      path, what, major, minor, FASTEST_ABI_MAJOR, FASTEST_ABI_MINOR,
                      FASTEST_ABI_MAJOR);
    if (minor > FASTEST_ABI_MINOR)
        return refuse(out_error, FASTEST_EABIMINOR,
                      "plugin %s refused: its %s needs plugin ABI %u.%u, this fastest provides "
                      "ABI %u.%u; upgrade fastest, or rebuild the plugin against fastest-sdk "
                      "%u.%u",
                      path, what, major, minor, FASTEST_ABI_MAJOR, FASTEST_ABI_MINOR,
                      FASTEST_ABI_MAJOR, FASTEST_ABI_MINOR);
    if (header->struct_size < min_size)
        return refuse(out_error, FASTEST_ESHORT,
                      "plugin %s refused: its %s is %u bytes, ABI %u.%u requires at least %zu; "
                      "rebuild the plugin against the fastest-sdk headers",
                      path, what, header->struct_size, major, minor, min_size);
    return 0;
}

static int check_descriptor(const struct ft_plugin_set *set, const struct fastest_plugin *plugin,
                            const char *path, char **out_error)
{
    int rc = check_header(&plugin->header, FT_MIN_SIZE_PLUGIN, path, "descriptor", out_error);
    if (rc)
        return rc;
    const char *kind = plug_kind_name(plugin->kind);
    if (!kind)
        return refuse(out_error, FASTEST_EKIND,
                      "plugin %s refused: unknown plugin kind %u (known: 1 strategy, 2 reporter, "
                      "3 fixtures); set `kind` to one of enum fastest_plugin_kind",
                      path, plugin->kind);
    if (!plugin->name || !*plugin->name || !plugin->table)
        return refuse(out_error, FASTEST_EINVAL,
                      "plugin %s refused: its descriptor has no %s; fill in `name` and `table`",
                      path, plugin->table ? "name" : "table");
    char what[64];
    snprintf(what, sizeof what, "%s table", kind);
    rc = check_header(plugin->table, table_min_size(plugin->kind), path, what, out_error);
    if (rc)
        return rc;
    for (size_t i = 0; i < set->count; i++) {
        if (strcmp(set->plugins[i].descriptor->name, plugin->name) == 0)
            return refuse(out_error, FASTEST_EEXIST,
                          "plugin %s refused: a plugin named '%s' is already loaded from %s; "
                          "rename one of them or remove one from the plugin path",
                          path, plugin->name, set->plugins[i].path);
    }
    return 0;
}

int plug_load_file(struct ft_plugin_set *set, const char *path, const struct fastest_host *host,
                   char **out_error)
{
    *out_error = NULL;
    /* RTLD_LOCAL: a plugin's symbols never satisfy another plugin's. The
     * host's libpython stays global because the executable links it. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return refuse(out_error, FASTEST_ENOTSO,
                      "plugin %s refused: not a loadable shared object (%s); remove it from the "
                      "plugin path or rebuild it for this platform",
                      path, dlerror());
    fastest_plugin_entry_fn entry;
    *(void **)&entry = dlsym(handle, FASTEST_PLUGIN_ENTRY_SYMBOL);
    if (!entry) {
        dlclose(handle);
        return refuse(out_error, FASTEST_ENOENTRY,
                      "plugin %s refused: no entry symbol '%s'; define it with "
                      "FASTEST_PLUGIN_ENTRY from <fastest/plugin.h>",
                      path, FASTEST_PLUGIN_ENTRY_SYMBOL);
    }
    const struct fastest_plugin *descriptor = NULL;
    char *plugin_error = NULL;
    int rc = entry(FASTEST_ABI_VERSION, host, &descriptor, &plugin_error);
    if (rc == 0 && !descriptor)
        rc = FASTEST_EINVAL;
    if (rc) {
        refuse(out_error, rc < 0 ? rc : FASTEST_EPLUGIN,
               "plugin %s refused to load: %s (%s)", path,
               plugin_error ? plugin_error : "no reason given", fastest_strerror_name(rc));
        host->free(plugin_error);
        dlclose(handle);
        return rc < 0 ? rc : FASTEST_EPLUGIN;
    }
    rc = check_descriptor(set, descriptor, path, out_error);
    if (rc) {
        dlclose(handle);
        return rc;
    }
    struct ft_plugin *grown = realloc(set->plugins, (set->count + 1) * sizeof(*grown));
    char *path_copy = strdup(path);
    if (!grown || !path_copy) {
        free(path_copy);
        if (grown)
            set->plugins = grown;
        dlclose(handle);
        return refuse(out_error, FASTEST_ENOMEM, "plugin %s: out of memory", path);
    }
    set->plugins = grown;
    set->plugins[set->count++] = (struct ft_plugin){path_copy, handle, descriptor};
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

static size_t load_tree(struct ft_plugin_set *set, const char *dir, int depth,
                        const struct fastest_host *host, ft_refusal_fn refused, void *context)
{
    DIR *stream = opendir(dir);
    if (!stream)
        return 0;
    char **names = NULL;
    size_t name_count = 0;
    struct dirent *entry;
    while ((entry = readdir(stream))) {
        if (entry->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (name_count + 1) * sizeof(*grown));
        if (!grown)
            break;
        names = grown;
        names[name_count] = strdup(entry->d_name);
        if (names[name_count])
            name_count++;
    }
    closedir(stream);
    qsort(names, name_count, sizeof(*names), compare_names);

    size_t loaded = 0;
    for (size_t i = 0; i < name_count; i++) {
        char *path;
        if (asprintf(&path, "%s/%s", dir, names[i]) < 0)
            continue;
        struct stat info;
        if (stat(path, &info) == 0) {
            if (S_ISDIR(info.st_mode) && depth > 0) {
                loaded += load_tree(set, path, depth - 1, host, refused, context);
            } else if (S_ISREG(info.st_mode) && has_suffix(names[i], ".so")) {
                char *error = NULL;
                if (plug_load_file(set, path, host, &error) == 0)
                    loaded++;
                else if (refused)
                    refused(context, error ? error : "plugin refused: out of memory");
                free(error);
            }
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return loaded;
}

size_t plug_load_dir(struct ft_plugin_set *set, const char *dir, const struct fastest_host *host,
                     ft_refusal_fn refused, void *context)
{
    return load_tree(set, dir, 2, host, refused, context);
}

const struct ft_plugin *plug_find(const struct ft_plugin_set *set, unsigned kind,
                                  const char *name)
{
    for (size_t i = 0; i < set->count; i++) {
        const struct fastest_plugin *plugin = set->plugins[i].descriptor;
        if (plugin->kind == kind && strcmp(plugin->name, name) == 0)
            return &set->plugins[i];
    }
    return NULL;
}

void plug_unload_all(struct ft_plugin_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        dlclose(set->plugins[i].handle);
        free(set->plugins[i].path);
    }
    free(set->plugins);
    set->plugins = NULL;
    set->count = 0;
}
