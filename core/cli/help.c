/* --help: pytest's layout (argparse's HelpFormatter): the usage line, then
 * one section per group, each option's invocation on the left and its help
 * wrapped in a column on the right. Plugins' options get a group each. */
#include "cli/cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/option_table.h"

#define HELP_COLUMN 24
#define MAX_GROUPS 64

/* argparse's metavar: the given one, else "{a,b}" from the choices, else
 * the dest in capitals. */
static void format_metavar(const struct cli_option *option, char *metavar, size_t size)
{
    if (option->metavar) {
        snprintf(metavar, size, "%s", option->metavar);
    } else if (option->choices) {
        snprintf(metavar, size, "{");
        for (size_t c = 0; option->choices[c]; c++)
            snprintf(metavar + strlen(metavar), size - strlen(metavar), "%s%s", c ? "," : "",
                     option->choices[c]);
        snprintf(metavar + strlen(metavar), size - strlen(metavar), "}");
    } else {
        size_t i = 0;
        for (; option->dest[i] && i + 1 < size; i++)
            metavar[i] = (char)toupper((unsigned char)option->dest[i]);
        metavar[i] = '\0';
    }
}

/* "-k EXPRESSION, --keyword=EXPRESSION" into buffer. */
static void format_invocation(const struct cli_option *option, char *buffer, size_t size)
{
    char metavar[128];
    format_metavar(option, metavar, sizeof(metavar));
    buffer[0] = '\0';
    for (size_t n = 0; n < CLI_MAX_NAMES && option->names[n]; n++) {
        const char *name = option->names[n];
        size_t used = strlen(buffer);
        if (!cli_takes_value(option))
            snprintf(buffer + used, size - used, "%s%s", n ? ", " : "", name);
        else
            snprintf(buffer + used, size - used, "%s%s%s%s", n ? ", " : "", name,
                     name[1] == '-' ? "=" : " ", metavar);
    }
}

/* Writes text as lines of at most width - HELP_COLUMN columns, every line
 * but the first indented to HELP_COLUMN. */
static void write_wrapped(FILE *stream, const char *text, unsigned width)
{
    size_t room = width > HELP_COLUMN + 20 ? width - HELP_COLUMN : 20;
    size_t column = 0;
    while (*text) {
        while (*text == ' ')
            text++;
        size_t word = strcspn(text, " ");
        if (column && column + 1 + word > room) {
            fprintf(stream, "\n%*s", HELP_COLUMN, "");
            column = 0;
        }
        fprintf(stream, "%s%.*s", column ? " " : "", (int)word, text);
        column += word + (column ? 1 : 0);
        text += word;
    }
    fputc('\n', stream);
}

static void write_option(FILE *stream, const struct cli_option *option, unsigned width)
{
    char invocation[256];
    format_invocation(option, invocation, sizeof(invocation));
    if (!option->help || !*option->help) {
        fprintf(stream, "  %s\n", invocation); /* argparse pads nothing then */
        return;
    }
    if (strlen(invocation) + 2 <= HELP_COLUMN - 2)
        fprintf(stream, "  %-*s", HELP_COLUMN - 2, invocation);
    else
        fprintf(stream, "  %s\n%*s", invocation, HELP_COLUMN, "");
    write_wrapped(stream, option->help, width);
}

int cli_print_help(FILE *stream, const struct cli_context *context, unsigned width)
{
    static const struct cli_context no_context;
    if (!context)
        context = &no_context;
    if (!width)
        width = 80;
    struct cli_option *options;
    size_t count;
    char *error = NULL;
    int rc = cli_all_options(context, &options, &count, &error);
    if (rc) {
        fprintf(stream, "%s\n", error ? error : fastest_strerror(rc));
        free(error);
        return rc;
    }
    fprintf(stream, "%s\n\npositional arguments:\n  file_or_dir\n", CLI_USAGE);
    /* Groups in order of first appearance; each printed once with all of
     * its options. */
    const char *groups[MAX_GROUPS];
    size_t group_count = 0;
    for (size_t i = 0; i < count; i++) {
        size_t g = 0;
        while (g < group_count && strcmp(groups[g], options[i].group) != 0)
            g++;
        if (g == group_count && group_count < MAX_GROUPS)
            groups[group_count++] = options[i].group;
    }
    for (size_t g = 0; g < group_count; g++) {
        fprintf(stream, "\n%s:\n", groups[g]);
        for (size_t i = 0; i < count; i++)
            if (strcmp(options[i].group, groups[g]) == 0 &&
                !cli_option_blocked(context, &options[i]))
                write_option(stream, &options[i], width);
    }
    free(options);
    return ferror(stream) ? FASTEST_EIO : 0;
}
