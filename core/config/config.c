#include "config/config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "cli/text.h"
#include "config/ini_reader.h"
#include "config/locate.h"

#define FASTEST_INI "fastest.ini"

struct ft_config {
    struct cfg_location location;
    struct cfg_table overrides; /* -o, the last value of a key kept */
    struct cfg_table fastest;   /* fastest's keys after precedence */
};

/* -o values into config->overrides; pytest's message for one without '='. */
static int read_overrides(struct ft_config *config, const struct cfg_request *request,
                          char **out_error)
{
    for (size_t i = 0; i < request->override_count; i++) {
        const char *text = request->overrides[i];
        const char *equals = strchr(text, '=');
        if (!equals) {
            *out_error = ft_format("-o/--override-ini expects option=value style (got: '%s').",
                                   text);
            return *out_error ? FASTEST_EUSAGE : FASTEST_ENOMEM;
        }
        char *key = strndup(text, (size_t)(equals - text));
        if (!key)
            return FASTEST_ENOMEM;
        struct cfg_value *value = table_find(&config->overrides, key);
        if (!value)
            value = table_add(&config->overrides, key, false, 0);
        free(key);
        if (!value || value_set_text(value, equals + 1) != 0)
            return FASTEST_ENOMEM;
    }
    return 0;
}

/* The nearest fastest.ini at or above folder, in a new string, or NULL. */
static char *find_fastest_ini(const char *folder)
{
    char *base = strdup(folder);
    while (base) {
        char *candidate = ft_format("%s/" FASTEST_INI, strcmp(base, "/") ? base : "");
        if (candidate && access(candidate, R_OK) == 0) {
            free(base);
            return candidate;
        }
        free(candidate);
        char *slash = strrchr(base, '/');
        if (!slash || strcmp(base, "/") == 0) {
            free(base);
            return NULL;
        }
        slash[slash == base ? 1 : 0] = '\0';
    }
    return NULL;
}

/* fastest's keys: fastest.ini's section, completed by the keys only the
 * config file's [fastest] / [tool.fastest] sets. */
static int read_fastest_keys(struct ft_config *config, char **out_error)
{
    const char *inifile = config->location.inifile;
    char *folder = inifile ? strndup(inifile, (size_t)(strrchr(inifile, '/') - inifile))
                           : strdup(config->location.rootdir);
    if (!folder)
        return FASTEST_ENOMEM;
    char *path = find_fastest_ini(*folder ? folder : "/");
    free(folder);
    if (path) {
        struct ini_document document = {0};
        int rc = ini_read(path, &document, out_error);
        free(path);
        if (rc)
            return rc;
        struct ini_section *section = (struct ini_section *)ini_section(&document, "fastest");
        if (section)
            cfg_table_take(&config->fastest, &section->table);
        ini_document_clear(&document);
    }
    struct cfg_table *from_config_file = &config->location.contents.fastest;
    for (size_t i = 0; i < from_config_file->count; i++) {
        struct cfg_value *value = &from_config_file->values[i];
        if (table_find(&config->fastest, value->key))
            continue;
        if (table_adopt(&config->fastest, value) != 0)
            return FASTEST_ENOMEM;
    }
    return 0;
}

int cfg_load(const struct cfg_request *request, struct ft_config **out, char **out_error)
{
    struct ft_config *config = calloc(1, sizeof(*config));
    char *cwd = request->invocation_dir ? strdup(request->invocation_dir) : getcwd(NULL, 0);
    if (!config || !cwd) {
        free(config);
        free(cwd);
        return FASTEST_ENOMEM;
    }
    int rc = read_overrides(config, request, out_error);
    if (!rc)
        rc = cfg_locate(request->inifile, request->rootdir, request->args, request->arg_count,
                        cwd, &config->location, out_error);
    if (!rc)
        rc = read_fastest_keys(config, out_error);
    free(cwd);
    if (rc) {
        cfg_free(config);
        return rc;
    }
    *out = config;
    return 0;
}

void cfg_free(struct ft_config *config)
{
    if (!config)
        return;
    cfg_location_clear(&config->location);
    table_clear(&config->overrides);
    table_clear(&config->fastest);
    free(config);
}

const char *cfg_rootdir(const struct ft_config *config)
{
    return config->location.rootdir;
}

const char *cfg_inifile(const struct ft_config *config)
{
    return config->location.inifile;
}

/* The value getini starts from: -o's, else the file's. */
static const struct cfg_value *lookup(const struct ft_config *config, const char *key)
{
    const struct cfg_value *value = table_find(&config->overrides, key);
    return value ? value : table_find(&config->location.contents.pytest, key);
}

bool cfg_has(const struct ft_config *config, const char *key)
{
    return lookup(config, key) != NULL;
}

const char *cfg_get(const struct ft_config *config, const char *key)
{
    const struct cfg_value *value = lookup(config, key);
    return value && !value->is_list ? value->items[0] : NULL;
}

int cfg_get_list(const struct ft_config *config, const char *key, enum cfg_list_type type,
                 struct cfg_list *out, char **out_error)
{
    const struct cfg_value *value = lookup(config, key);
    if (!value)
        return 0;
    if (value->is_list) {
        for (size_t i = 0; i < value->item_count; i++)
            if (cfg_list_append(out, value->items[i]) != 0)
                return FASTEST_ENOMEM;
        return 0;
    }
    if (type == CFG_LINELIST)
        return cfg_split_lines(value->items[0], out);
    char *why = NULL;
    int rc = cfg_split_args(value->items[0], out, &why);
    if (rc == FASTEST_EINVAL) {
        *out_error = ft_format("%s: %s: %s", cfg_inifile(config) ? cfg_inifile(config) : "-o",
                               key, why);
        rc = *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
    }
    free(why);
    return rc;
}

int cfg_get_bool(const struct ft_config *config, const char *key, bool fallback,
                 bool *out_value, char **out_error)
{
    const struct cfg_value *value = lookup(config, key);
    *out_value = fallback;
    if (!value || value->is_list || cfg_parse_bool(value->items[0], out_value) == 0)
        return 0;
    *out_error = ft_format("%s: %s: invalid truth value '%s': use true or false",
                           cfg_inifile(config) ? cfg_inifile(config) : "-o", key,
                           value->items[0]);
    return *out_error ? FASTEST_ECONFIG : FASTEST_ENOMEM;
}

const char *cfg_fastest(const struct ft_config *config, const char *key)
{
    const struct cfg_value *value = table_find(&config->fastest, key);
    return value && value->item_count ? value->items[0] : NULL;
}

int cfg_merged_args(const struct ft_config *config, const char *const *words, size_t count,
                    struct cfg_list *out, char **out_error)
{
    int rc = cfg_get_list(config, "addopts", CFG_ARGS, out, out_error);
    for (size_t i = 0; i < count && !rc; i++)
        rc = cfg_list_append(out, words[i]);
    return rc;
}

static void visit_value(const struct cfg_value *value, cfg_visit_fn visit, void *context)
{
    visit(context, value->key, value->is_list, (const char *const *)value->items,
          value->item_count);
}

void cfg_each(const struct ft_config *config, cfg_visit_fn visit, void *context)
{
    const struct cfg_table *file = &config->location.contents.pytest;
    for (size_t i = 0; i < file->count; i++) {
        const struct cfg_value *override = table_find(&config->overrides, file->values[i].key);
        visit_value(override ? override : &file->values[i], visit, context);
    }
    for (size_t i = 0; i < config->overrides.count; i++) {
        if (!table_find(file, config->overrides.values[i].key))
            visit_value(&config->overrides.values[i], visit, context);
    }
}
