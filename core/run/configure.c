/* The configuration step of a run: pytest's order of merging the command
 * line, PYTEST_ADDOPTS and the config file's addopts, and fastest's own
 * keys. */
#include "run/steps.h"

#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/cli.h"
#include "config/config.h"
#include "config/ini_types.h"
#include "session/session.h"

static void store_ini_value(void *context, const char *key, bool is_list,
                            const char *const *items, size_t count)
{
    struct ft_options *ini = context;
    (void)is_list;
    for (size_t i = 0; i < count; i++)
        opt_add(ini, key, items[i]);
}

/* fastest's own config keys that the command line leaves unset: each
 * key's option dest. */
static const struct {
    const char *key;
    const char *dest;
} fastest_keys[] = {
    {"strategy", "strategy"},
    {"workers", "numprocesses"},
    {"engine", "engine"},
    {"python", "fastest_python"},
};

/* "PYTEST_ADDOPTS words + args", prescanned into *early. */
static int command_words(const char *const *args, size_t count, struct cfg_list *words,
                         char **out_error)
{
    const char *environment = getenv("PYTEST_ADDOPTS");
    int rc = environment ? cfg_split_args(environment, words, out_error) : 0;
    for (size_t i = 0; rc == 0 && i < count; i++)
        rc = cfg_list_append(words, args[i]);
    return rc;
}

int run_configure(struct fastest_session *session, const char *const *args, size_t count,
                  struct cfg_list *out_full_args, char **out_error)
{
    *out_error = NULL;
    struct cfg_list words = {0};
    struct ft_options *early = opt_new();
    struct ft_config *config = NULL;
    int rc = early ? command_words(args, count, &words, out_error) : FASTEST_ENOMEM;
    if (rc == 0)
        rc = cli_prescan((const char *const *)words.items, words.count, early, out_error);
    if (rc == 0) {
        size_t arg_count, override_count;
        const char *const *file_args = opt_values(early, "file_or_dir", &arg_count);
        const char *const *overrides = opt_values(early, "override_ini", &override_count);
        struct cfg_request request = {
            .inifile = opt_get(early, "inifilename"),
            .rootdir = opt_get(early, "rootdir"),
            .args = file_args,
            .arg_count = arg_count,
            .overrides = overrides,
            .override_count = override_count,
        };
        rc = cfg_load(&request, &config, out_error);
    }
    if (rc == 0)
        rc = cfg_merged_args(config, (const char *const *)words.items, words.count,
                             out_full_args, out_error);
    if (rc == 0) {
        session->rootdir = strdup(cfg_rootdir(config));
        session->inifile = cfg_inifile(config) ? strdup(cfg_inifile(config)) : NULL;
        if (!session->rootdir || (cfg_inifile(config) && !session->inifile))
            rc = FASTEST_ENOMEM;
    }
    if (rc == 0) {
        cfg_each(config, store_ini_value, session->ini);
        for (size_t i = 0; i < sizeof fastest_keys / sizeof fastest_keys[0]; i++) {
            const char *value = cfg_fastest(config, fastest_keys[i].key);
            if (value)
                opt_set(session->fastest_config, fastest_keys[i].dest, value);
        }
        const char *plugins = cfg_fastest(config, "plugins");
        struct cfg_list plugin_list = {0};
        if (plugins && cfg_split_lines(plugins, &plugin_list) == 0)
            for (size_t i = 0; i < plugin_list.count; i++)
                opt_add(session->fastest_config, "plugins", plugin_list.items[i]);
        cfg_list_free(&plugin_list);
    }
    cfg_free(config);
    cfg_list_free(&words);
    opt_free(early);
    return rc;
}

void run_apply_fastest_config(struct fastest_session *session)
{
    for (size_t i = 0; i < sizeof fastest_keys / sizeof fastest_keys[0]; i++) {
        const char *dest = fastest_keys[i].dest;
        const char *value = opt_get(session->fastest_config, dest);
        if (value && !opt_get(session->options, dest))
            opt_set(session->options, dest, value);
    }
}
