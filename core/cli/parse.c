/* The argument parser: argparse's algorithm as pytest configures it
 * (allow_abbrev=False, parse_known_args, then pytest's own check that
 * leftovers are not options). See cli.h for the rules it follows. */
#include "cli/cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/option_table.h"
#include "cli/text.h"
#include "options/options.h"

#define FILE_OR_DIR "file_or_dir"

struct parser {
    const struct cli_context *context;
    const struct cli_option *options;
    size_t option_count;
    struct ft_options *out;
    char **out_error;
    /* Arguments argparse leaves over: unknown options, and positionals that
     * come after file_or_dir has already taken its run. Point into args. */
    const char **extras;
    size_t extra_count;
};

/* Sets *p->out_error to pytest's usage error text for `message` and
 * returns FASTEST_EUSAGE (FASTEST_ENOMEM when the text cannot be built). */
static int usage_error(struct parser *p, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static int usage_error(struct parser *p, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *message = ft_vformat(format, args);
    va_end(args);
    if (!message)
        return FASTEST_ENOMEM;
    const char *hint = p->context->source_hint;
    *p->out_error = ft_format("%s\n%s: error: %s%s%s%s", CLI_USAGE, CLI_PROG, message,
                              hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
    free(message);
    return *p->out_error ? FASTEST_EUSAGE : FASTEST_ENOMEM;
}

/* "-v/--verbose", as argparse names an option in its errors. Static buffer
 * is enough: names are short and one error is built at a time. */
static const char *display_name(const struct cli_option *option)
{
    static char name[128];
    name[0] = '\0';
    for (size_t n = 0; n < CLI_MAX_NAMES && option->names[n]; n++) {
        if (n)
            strncat(name, "/", sizeof(name) - strlen(name) - 1);
        strncat(name, option->names[n], sizeof(name) - strlen(name) - 1);
    }
    return name;
}

static const struct cli_option *find_option(const struct parser *p, const char *name,
                                            size_t length)
{
    for (size_t i = 0; i < p->option_count; i++)
        for (size_t n = 0; n < CLI_MAX_NAMES && p->options[i].names[n]; n++)
            if (strlen(p->options[i].names[n]) == length &&
                strncmp(p->options[i].names[n], name, length) == 0)
                return cli_option_blocked(p->context, &p->options[i]) ? NULL : &p->options[i];
    return NULL;
}

/* argparse's _negative_number_matcher: '^-\d+$|^-\d*\.\d+$'. */
static bool is_negative_number(const char *arg)
{
    const char *c = arg + 1;
    while (isdigit((unsigned char)*c))
        c++;
    if (*c == '\0')
        return c > arg + 1;
    if (*c != '.' || !isdigit((unsigned char)c[1]))
        return false;
    for (c++; isdigit((unsigned char)*c); c++)
        ;
    return *c == '\0';
}

/* The option an argument names, with its glued value in *out_explicit
 * (NULL when none): exact names, "--name=value", "-xVALUE". Returns NULL
 * for an argument that names no known option. */
static const struct cli_option *match_option(const struct parser *p, const char *arg,
                                             const char **out_explicit)
{
    *out_explicit = NULL;
    const struct cli_option *option = find_option(p, arg, strlen(arg));
    if (option)
        return option;
    const char *equals = strchr(arg, '=');
    if (equals && (option = find_option(p, arg, (size_t)(equals - arg)))) {
        *out_explicit = equals + 1;
        return option;
    }
    if (arg[1] != '-' && strlen(arg) > 2 && (option = find_option(p, arg, 2))) {
        *out_explicit = arg + 2;
        return option;
    }
    return NULL;
}

/* argparse's test for an argument that is an option (known or not) rather
 * than a value: it starts with '-', is not "-" alone, and is neither a
 * negative number nor text with a space, unless it names a known option. */
static bool looks_like_option(const struct parser *p, const char *arg)
{
    if (arg[0] != '-' || arg[1] == '\0')
        return false;
    const char *explicit_value;
    if (match_option(p, arg, &explicit_value))
        return true;
    return !is_negative_number(arg) && !strchr(arg, ' ');
}

/* Whether the argument after args[index] is the value of the option there
 * (one that takes a value and has none glued to it). */
static bool value_follows(const struct parser *p, const char *const *args, size_t count,
                          size_t index)
{
    return index + 1 < count && strcmp(args[index + 1], "--") != 0 &&
           !looks_like_option(p, args[index + 1]);
}

/* Python's int(): optional blanks and sign, digits with single
 * underscores between them. Writes the canonical decimal into out. */
static bool canonical_int(const char *text, char *out, size_t size)
{
    while (isspace((unsigned char)*text))
        text++;
    size_t length = 0;
    if (*text == '-' || *text == '+') {
        if (*text == '-')
            out[length++] = '-';
        text++;
    }
    size_t sign_length = length;
    bool leading = true, digit_before = false;
    for (; *text && !isspace((unsigned char)*text); text++) {
        if (*text == '_' && digit_before && isdigit((unsigned char)text[1])) {
            digit_before = false;
            continue;
        }
        if (!isdigit((unsigned char)*text) || length + 2 >= size)
            return false;
        digit_before = true;
        if (leading && *text == '0')
            continue;
        leading = false;
        out[length++] = *text;
    }
    while (isspace((unsigned char)*text))
        text++;
    if (*text || !digit_before)
        return false;
    if (length == sign_length) /* only zeros: "0", never "-0" */
        length = 0, out[length++] = '0';
    out[length] = '\0';
    return true;
}

/* Python's float(), close enough: what strtod reads, minus hex floats. */
static bool is_float(const char *text)
{
    char *end;
    strtod(text, &end);
    if (end == text || strpbrk(text, "xX"))
        return false;
    while (isspace((unsigned char)*end))
        end++;
    return *end == '\0';
}

static const char *type_name(enum cli_value_type type)
{
    switch (type) {
    case CLI_INT:
        return "int";
    case CLI_FLOAT:
        return "float";
    case CLI_NUMPROCESSES:
        return "parse_numprocesses";
    case CLI_TEXT:
        break;
    }
    return "str";
}

/* Checks value against the option's type and choices, as argparse does,
 * and stores it. */
static int store_value(struct parser *p, const struct cli_option *option, const char *value)
{
    char canonical[64];
    const char *stored = value;
    bool valid = true;
    if (option->type == CLI_INT ||
        (option->type == CLI_NUMPROCESSES && strcmp(value, "auto") != 0 &&
         strcmp(value, "logical") != 0)) {
        valid = canonical_int(value, canonical, sizeof(canonical));
        stored = canonical;
    } else if (option->type == CLI_FLOAT) {
        valid = is_float(value);
    }
    if (!valid)
        return usage_error(p, "argument %s: invalid %s value: '%s'", display_name(option),
                           type_name(option->type), value);
    if (option->choices) {
        size_t c = 0;
        while (option->choices[c] && strcmp(option->choices[c], stored) != 0)
            c++;
        if (!option->choices[c]) {
            char list[256] = "";
            for (c = 0; option->choices[c]; c++)
                snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s'%s'",
                         c ? ", " : "", option->choices[c]);
            return usage_error(p, "argument %s: invalid choice: '%s' (choose from %s)",
                               display_name(option), stored, list);
        }
    }
    if (option->action == CLI_APPEND)
        return opt_add(p->out, option->dest, stored);
    return opt_set(p->out, option->dest, stored);
}

/* Adds delta to a counting dest. */
static int add_to_count(struct parser *p, const char *dest, long delta)
{
    char text[32];
    snprintf(text, sizeof(text), "%ld", opt_get_long(p->out, dest, 0) + delta);
    return opt_set(p->out, dest, text);
}

/* Applies a switch (an option that takes no value). */
static int apply_switch(struct parser *p, const struct cli_option *option)
{
    switch (option->action) {
    case CLI_COUNT:
        return add_to_count(p, option->dest, 1);
    case CLI_QUIET: {
        int rc = add_to_count(p, option->dest, -1);
        return rc ? rc : add_to_count(p, "quiet", 1);
    }
    case CLI_STORE_CONST:
        return opt_set(p->out, option->dest, option->const_value);
    case CLI_HELP:
        return opt_set(p->out, option->dest, "1");
    case CLI_STORE:
    case CLI_APPEND:
    case CLI_STORE_OPTIONAL:
        break;
    }
    return FASTEST_EINVAL;
}

/* Consumes the option at args[*index] (argparse's consume_optional):
 * a switch cluster ("-vvx"), a glued value, or the next argument as value.
 * Advances *index past what it used. Sets *out_stop for --help. */
static int consume_option(struct parser *p, const struct cli_option *option,
                          const char *explicit_value,
                          const char *const *args, size_t count, size_t *index, bool *out_stop)
{
    for (;;) {
        if (!cli_takes_value(option)) {
            if (explicit_value && (args[*index][1] == '-' || *explicit_value == '\0'))
                return usage_error(p, "argument %s: ignored explicit argument '%s'",
                                   display_name(option), explicit_value);
            int rc = apply_switch(p, option);
            if (rc)
                return rc;
            if (option->action == CLI_HELP && !p->context->tolerate_unknown) {
                *out_stop = true;
                return 0;
            }
            if (!explicit_value)
                break;
            /* "-vx": the rest of the cluster names the next short option. */
            char short_name[3] = {'-', explicit_value[0], '\0'};
            const struct cli_option *next = find_option(p, short_name, 2);
            if (!next)
                return usage_error(p, "argument %s: ignored explicit argument '%s'",
                                   display_name(option), explicit_value);
            option = next;
            explicit_value = explicit_value[1] ? explicit_value + 1 : NULL;
            continue;
        }
        if (explicit_value)
            return store_value(p, option, explicit_value);
        if (value_follows(p, args, count, *index)) {
            (*index)++;
            return store_value(p, option, args[*index]);
        }
        if (option->action == CLI_STORE_OPTIONAL)
            return opt_set(p->out, option->dest, option->const_value);
        return usage_error(p, "argument %s: expected one argument", display_name(option));
    }
    return 0;
}

static int keep_extra(struct parser *p, const char *arg)
{
    const char **grown = realloc(p->extras, (p->extra_count + 1) * sizeof(*grown));
    if (!grown)
        return FASTEST_ENOMEM;
    p->extras = grown;
    p->extras[p->extra_count++] = arg;
    return 0;
}

/* Stores each option's default, the first option of a dest that has one
 * deciding it, as pytest's Config._processopt does as options are added
 * (-x, without a default, leaves maxfail to --maxfail's 0). */
static int store_defaults(struct parser *p)
{
    for (size_t i = 0; i < p->option_count; i++) {
        const struct cli_option *option = &p->options[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = p->options[j].default_value && strcmp(p->options[j].dest, option->dest) == 0;
        if (!seen && option->default_value) {
            int rc = opt_set(p->out, option->dest, option->default_value);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* pytest's check after parse_known_args: leftover options are an error
 * (listing every leftover, with the config lines), leftover positionals
 * join file_or_dir. */
static int settle_extras(struct parser *p)
{
    bool has_option = false;
    for (size_t i = 0; i < p->extra_count; i++)
        has_option |= p->extras[i][0] == '-';
    for (size_t i = 0; has_option && p->context->unknown_dest && i < p->extra_count; i++) {
        int rc = p->extras[i][0] == '-' ? opt_add(p->out, p->context->unknown_dest, p->extras[i]) : 0;
        if (rc)
            return rc;
    }
    if (has_option && !p->context->tolerate_unknown && !p->context->unknown_dest) {
        char *joined = ft_join((const char *const *)p->extras, p->extra_count, " ");
        if (!joined)
            return FASTEST_ENOMEM;
        int rc;
        if (p->context->rootdir)
            rc = usage_error(p, "unrecognized arguments: %s\n  inifile: %s\n  rootdir: %s", joined,
                             p->context->inifile ? p->context->inifile : "None",
                             p->context->rootdir);
        else
            rc = usage_error(p, "unrecognized arguments: %s", joined);
        free(joined);
        return rc;
    }
    for (size_t i = 0; i < p->extra_count; i++) {
        if (p->extras[i][0] == '-')
            continue;
        int rc = opt_add(p->out, FILE_OR_DIR, p->extras[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* The argument loop. Positionals: the first run of them (a run ends at an
 * option) is file_or_dir's, as argparse's '*' positional takes one run;
 * later ones are extras. The first "--" ends options and is dropped when
 * file_or_dir takes it, kept as an extra otherwise. */
static int parse_arguments(struct parser *p, const char *const *args, size_t count)
{
    bool run_taken = false, in_run = false, options_ended = false;
    for (size_t i = 0; i < count; i++) {
        const char *arg = args[i];
        if (!options_ended && strcmp(arg, "--") == 0) {
            options_ended = true;
            if (!run_taken || in_run) {
                in_run = true;
                continue;
            }
        }
        if (options_ended || !looks_like_option(p, arg)) {
            if (!run_taken || in_run) {
                in_run = true;
                int rc = opt_add(p->out, FILE_OR_DIR, arg);
                if (rc)
                    return rc;
                continue;
            }
            int rc = keep_extra(p, arg);
            if (rc)
                return rc;
            continue;
        }
        if (in_run)
            run_taken = true, in_run = false;
        const char *explicit_value;
        const struct cli_option *option = match_option(p, arg, &explicit_value);
        if (!option) {
            if (!p->context->tolerate_unknown) {
                int rc = keep_extra(p, arg);
                if (rc)
                    return rc;
            }
            continue;
        }
        bool stop = false;
        int rc = consume_option(p, option, explicit_value, args, count, &i, &stop);
        if (rc || stop)
            return rc;
    }
    return settle_extras(p);
}

int cli_parse(const char *const *args, size_t count, const struct cli_context *context,
              struct ft_options *out, char **out_error)
{
    static const struct cli_context no_context;
    struct parser p = {
        .context = context ? context : &no_context,
        .out = out,
        .out_error = out_error,
    };
    struct cli_option *options;
    int rc = cli_all_options(p.context, &options, &p.option_count, out_error);
    if (rc)
        return rc;
    p.options = options;
    rc = store_defaults(&p);
    if (!rc)
        rc = parse_arguments(&p, args, count);
    free(p.extras);
    free(options);
    return rc;
}

int cli_prescan(const char *const *args, size_t count, struct ft_options *out, char **out_error)
{
    struct cli_context context = {.tolerate_unknown = true};
    return cli_parse(args, count, &context, out, out_error);
}

/* Whether an option of a parser's table is one of the builtin table's
 * fastest group (the builtin options come first: see cli_all_options). */
static bool is_fastests_own(const struct parser *p, const struct cli_option *option)
{
    size_t builtin_count;
    cli_builtin_options(&builtin_count);
    return (size_t)(option - p->options) < builtin_count && cli_option_is_fastests(option);
}

int cli_pytest_args(const char *const *args, size_t count, const struct cli_context *context,
                    const char ***out_args, size_t *out_count, char **out_error)
{
    struct parser p = {.context = context, .out_error = out_error};
    struct cli_option *options;
    int rc = cli_all_options(context, &options, &p.option_count, out_error);
    if (rc)
        return rc;
    p.options = options;
    const char **kept = malloc((count + 1) * sizeof(*kept));
    size_t kept_count = 0;
    bool options_ended = false;
    for (size_t i = 0; kept && i < count; i++) {
        const char *arg = args[i];
        options_ended |= strcmp(arg, "--") == 0;
        const char *explicit_value;
        const struct cli_option *option = !options_ended && looks_like_option(&p, arg)
                                              ? match_option(&p, arg, &explicit_value)
                                              : NULL;
        if (!option || !is_fastests_own(&p, option)) {
            kept[kept_count++] = arg;
            continue;
        }
        if (cli_takes_value(option) && !explicit_value && value_follows(&p, args, count, i))
            i++;
    }
    free(options);
    if (!kept)
        return FASTEST_ENOMEM;
    *out_args = kept;
    *out_count = kept_count;
    return 0;
}
