/* The table of every command-line option fastest knows: pytest 7.2.1's own
 * options (with pytest's `dest` names and defaults, checked against
 * `pytest --help` and _pytest's addoption calls), pytest-xdist's `-n` and
 * `--dist`, and fastest's own options. Plugins' options join it at parse
 * time (see cli.h). */
#ifndef FT_CLI_OPTION_TABLE_H
#define FT_CLI_OPTION_TABLE_H

#include <stdbool.h>
#include <stddef.h>

/* What an option does with the store, as argparse's `action`. */
enum cli_action {
    CLI_STORE,          /* one value; the last one given wins */
    CLI_APPEND,         /* one value; every one is kept in order */
    CLI_STORE_OPTIONAL, /* an optional value (nargs='?'): the next argument
                           when it is not an option, else const_value */
    CLI_STORE_CONST,    /* a switch that stores const_value ("1" for store_true) */
    CLI_COUNT,          /* a switch that adds one to dest */
    CLI_QUIET,          /* pytest's -q: subtracts one from dest, adds one to "quiet" */
    CLI_HELP,           /* -h: stores "1" and ends parsing, as pytest does */
};

/* How a value is checked; the name is what argparse calls the type in
 * "invalid <name> value: 'x'". */
enum cli_value_type {
    CLI_TEXT,
    CLI_INT,           /* stored in canonical decimal */
    CLI_FLOAT,         /* stored as given */
    CLI_NUMPROCESSES,  /* xdist: "auto", "logical" or an int */
};

#define CLI_MAX_NAMES 3

struct cli_option {
    const char *group;                 /* help section ("general", ...) */
    const char *names[CLI_MAX_NAMES];  /* "-v", "--verbose"; unused are NULL */
    const char *dest;
    enum cli_action action;
    enum cli_value_type type;
    const char *default_value;  /* stored before parsing; NULL: left unset */
    const char *const_value;    /* CLI_STORE_CONST, CLI_STORE_OPTIONAL */
    const char *const *choices; /* NULL-terminated, or NULL for any */
    const char *metavar;        /* shown in help for options with a value */
    const char *help;
};

/* The builtin table; static storage. *out_count is set to its length. */
const struct cli_option *cli_builtin_options(size_t *out_count);

/* Whether a builtin option is one of pytest's own, not xdist's or fastest's. */
bool cli_option_is_pytests(const struct cli_option *option);

/* Whether a builtin option is fastest's own (--strategy, --engine, ...). */
bool cli_option_is_fastests(const struct cli_option *option);

struct cli_context;

/* Whether a `-p no:NAME` in context's plugin_choices blocks the pytest
 * plugin the option belongs to (as --lf belongs to cacheprovider): then
 * pytest does not know it, nor does the parser or the help. */
bool cli_option_blocked(const struct cli_context *context, const struct cli_option *option);

/* Every option a parse with context knows: the builtin table followed by
 * the plugins' options, each plugin's converted to a group titled with its
 * name (a switch stores "1", a value option stores its value), then the
 * conftests' options as given. Returns 0 with *out_options
 * malloc'd (the caller frees it; the strings stay owned by the tables),
 * FASTEST_EINVAL when two options share a name (*out_error, malloc'd, names
 * both owners), or FASTEST_ENOMEM. */
int cli_all_options(const struct cli_context *context, struct cli_option **out_options,
                    size_t *out_count, char **out_error);

/* True when the option takes a value from the command line. */
static inline int cli_takes_value(const struct cli_option *option)
{
    return option->action == CLI_STORE || option->action == CLI_APPEND ||
           option->action == CLI_STORE_OPTIONAL;
}

#endif
