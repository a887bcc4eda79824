/* fastest's command line, parsed as pytest 7.2.1 parses its own (argparse
 * with allow_abbrev=False):
 *   - `--flag value` and `--flag=value`; long options are never abbreviated
 *     (pytest refuses `--ver`, and so does fastest);
 *   - short options cluster (`-vvx`, `-xk expr`) and take their value glued
 *     on (`-kexpr`, `-n2`, `-k=expr`);
 *   - a value that looks like an option (`-k -v`) is a missing value, but
 *     negative numbers and text with spaces are values;
 *   - `--` ends the options;
 *   - positional arguments go to dest "file_or_dir", in the order given.
 * Values land in a struct ft_options (core/options) under pytest's dest
 * names, defaults included (pytest's False is "0", its None is unset).
 *
 * Usage errors come back as FASTEST_EUSAGE with the text pytest prints
 * after "ERROR: ", e.g.
 *   usage: fastest [options] [file_or_dir] [file_or_dir] [...]
 *   fastest: error: argument --maxfail: invalid int value: 'abc'
 * main prints "ERROR: <message>\n\n" to stderr and exits 4, as pytest does.
 */
#ifndef FT_CLI_H
#define FT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <fastest/plugin.h>

struct ft_options;
struct cli_option;

#define CLI_PROG "fastest"
#define CLI_USAGE "usage: " CLI_PROG " [options] [file_or_dir] [file_or_dir] [...]"

/* The options one plugin adds; its name titles its group in --help. */
struct cli_plugin_options {
    const char *plugin_name;
    const struct fastest_option *options;
    size_t option_count;
};

/* What the parser needs beyond the arguments. Every member may be zero. */
struct cli_context {
    const struct cli_plugin_options *plugins;
    size_t plugin_count;
    /* Shown under "unrecognized arguments" as pytest shows them. When
     * rootdir is NULL the two lines are left out; a NULL inifile prints as
     * "None". */
    const char *inifile;
    const char *rootdir;
    /* Appended to an error as " (via addopts config)"; pytest's hint when
     * the arguments came from addopts or PYTEST_ADDOPTS. */
    const char *source_hint;
    /* Unknown options are skipped instead of being an error, and --help
     * does not end parsing: pytest's parse_known_args, used before plugins
     * and config are loaded (see cli_prescan). */
    bool tolerate_unknown;
    /* When set, unknown options are kept under this dest instead of being
     * an error: they may belong to a pytest plugin, which only the pytest
     * engine can parse (core/python/engine_mode.c decides). */
    const char *unknown_dest;
    /* Options the initial conftests' pytest_addoption define (see
     * core/run/conftest_options.c), parsed after the builtin and plugin
     * ones; a name clash is FASTEST_EINVAL. */
    const struct cli_option *conftest_options;
    size_t conftest_option_count;
    /* The `-p` values given ("plugins"): an option whose plugin a
     * `-p no:NAME` blocks (cli_option_blocked) is unknown, as to pytest. */
    const struct ft_options *plugin_choices;
};

/* Parses args (without the program name) into out, which should be empty
 * (defaults are stored first). Returns 0, FASTEST_EUSAGE with *out_error
 * set to pytest's message, FASTEST_EINVAL when a plugin option clashes with
 * another option (*out_error names both), or FASTEST_ENOMEM. *out_error is
 * malloc'd; the caller frees it. out may hold partial values on error. */
int cli_parse(const char *const *args, size_t count, const struct cli_context *context,
              struct ft_options *out, char **out_error);

/* What must be known before config files and plugins are loaded: -c,
 * --rootdir, -o, -p, --help, --version, --assert, file_or_dir. Options it
 * does not know (plugins' ones) are skipped, like pytest's first pass.
 * Same contract as cli_parse. */
int cli_prescan(const char *const *args, size_t count, struct ft_options *out,
                char **out_error);

/* args without fastest's own options and their values (the builtin
 * table's fastest group: --strategy, --engine, --ab, --repeat, --explain,
 * --timeout, --list-plugins): the command line to hand to pytest
 * (core/run/handover.h). Everything else stays as given, in order:
 * pytest's options, xdist's, plugins' (a fastest plugin may provide one of
 * pytest's, as junitxml's --junitxml), the conftests', ones nobody knows,
 * and all that follows "--". context's options tell values from options.
 * Returns 0 with *out_args malloc'd (the caller frees it; the strings are
 * args'), or FASTEST_EINVAL / FASTEST_ENOMEM as cli_parse. */
int cli_pytest_args(const char *const *args, size_t count, const struct cli_context *context,
                    const char ***out_args, size_t *out_count, char **out_error);

/* Writes pytest-style grouped help, the plugins' options in a group per
 * plugin, wrapped to `width` columns (80 when 0). Returns 0 or
 * FASTEST_EIO. */
int cli_print_help(FILE *stream, const struct cli_context *context, unsigned width);

#endif
