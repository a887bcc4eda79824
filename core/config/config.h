/* The run's configuration: rootdir, the config file, pytest's ini values
 * and fastest's own keys.
 *
 * How main puts the command line and the config together, as pytest does:
 *   1. words = cfg_split_args(getenv("PYTEST_ADDOPTS")) + argv[1:];
 *      cli_prescan(words) gives -c, --rootdir, -o and file_or_dir;
 *   2. cfg_load() with those;
 *   3. cfg_merged_args(words) = ini addopts + words (pytest's order: ini
 *      addopts, then PYTEST_ADDOPTS, then the command line), parsed with
 *      cli_parse() whose context carries cfg_inifile()/cfg_rootdir().
 *
 * fastest's own keys (strategy, workers, plugins, reporters, python,
 * engine), weakest first:
 *   - a [fastest] section in the pytest config file (pytest.ini,
 *     .pytest.ini, tox.ini, setup.cfg) or [tool.fastest] in pyproject.toml;
 *   - fastest.ini's [fastest] section, the nearest one in the config file's
 *     folder or above (the rootdir's when there is no config file): a file
 *     of its own is the more deliberate choice;
 *   - the command line (--strategy, -n, -p, --engine), which main applies.
 */
#ifndef FT_CONFIG_H
#define FT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "config/ini_types.h"

struct ft_config;

struct cfg_request {
    const char *inifile;         /* -c, or NULL */
    const char *rootdir;         /* --rootdir, or NULL */
    const char *const *args;     /* file_or_dir */
    size_t arg_count;
    const char *const *overrides; /* -o values, "key=value" */
    size_t override_count;
    const char *invocation_dir;  /* absolute; NULL for the cwd */
};

/* Finds and reads the configuration. Returns 0 with *out set (free with
 * cfg_free); FASTEST_ECONFIG for a malformed file ("path:line: what");
 * FASTEST_EUSAGE for a bad --rootdir or -o (pytest's messages); or
 * FASTEST_EPYTHON / FASTEST_ENOMEM. *out_error is malloc'd; the caller
 * frees it. main exits 4 on either error, as pytest does. */
int cfg_load(const struct cfg_request *request, struct ft_config **out, char **out_error);
void cfg_free(struct ft_config *config);

/* Absolute paths owned by config; inifile is NULL when none was found. */
const char *cfg_rootdir(const struct ft_config *config);
const char *cfg_inifile(const struct ft_config *config);

/* True when the pytest config (or -o) sets key. */
bool cfg_has(const struct ft_config *config, const char *key);
/* A pytest ini value as text, -o applied: NULL when unset or when
 * pyproject.toml gave a list. Owned by config. */
const char *cfg_get(const struct ft_config *config, const char *key);

enum cfg_list_type {
    CFG_ARGS,     /* shlex-split text */
    CFG_LINELIST, /* one item per non-blank line */
};
/* A pytest ini value as a list (pytest's `args` / `linelist` types): a
 * TOML list as it is, text split by type. Appends to *out (free with
 * cfg_list_free); nothing when unset. Returns 0, FASTEST_ECONFIG when text
 * cannot be split ("path: key: why"), or FASTEST_ENOMEM. */
int cfg_get_list(const struct ft_config *config, const char *key, enum cfg_list_type type,
                 struct cfg_list *out, char **out_error);
/* A pytest `bool` ini value: fallback when unset. Returns 0, or
 * FASTEST_ECONFIG naming the file, the key and the value. */
int cfg_get_bool(const struct ft_config *config, const char *key, bool fallback,
                 bool *out_value, char **out_error);

/* One of fastest's own keys (see above), or NULL. Owned by config. */
const char *cfg_fastest(const struct ft_config *config, const char *key);

/* Calls visit for every pytest ini key that is set, in file order, then
 * the -o keys the file does not have; -o values win. A text value is one
 * item with is_list false. The strings are owned by config. */
typedef void (*cfg_visit_fn)(void *context, const char *key, bool is_list,
                             const char *const *items, size_t count);
void cfg_each(const struct ft_config *config, cfg_visit_fn visit, void *context);

/* ini addopts (-o applied) followed by words: the full argument list to
 * parse. Appends to *out. Returns what cfg_get_list returns. */
int cfg_merged_args(const struct ft_config *config, const char *const *words, size_t count,
                    struct cfg_list *out, char **out_error);

#endif
