/* What cli_vs_pytest cannot ask pytest: plugins' options, the messages
 * that carry config context, the pre-scan and the help text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "../support/test_assert.h"
#include "cli/cli.h"
#include "cli/option_table.h"
#include "options/options.h"

static const struct fastest_option junit_options[] = {
    {"--junitxml", "--junit-xml", "xmlpath", 1, "path", "Create junit-xml style report file"},
    {"--junit-quiet", NULL, "junit_quiet", 0, NULL, "A switch"},
};
static const struct cli_plugin_options junit = {"junitxml", junit_options, 2};

static int parse(const struct cli_context *context, struct ft_options *options, char **error,
                 size_t count, const char *const *args)
{
    *error = NULL;
    return cli_parse(args, count, context, options, error);
}

#define PARSE(context, options, error, ...)                                                        \
    parse(context, options, error, sizeof((const char *[]){__VA_ARGS__}) / sizeof(char *),         \
          (const char *[]){__VA_ARGS__})

static void test_plugin_options(void)
{
    struct cli_context context = {.plugins = &junit, .plugin_count = 1};
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(&context, options, &error, "--junit-xml=out.xml", "--junit-quiet", "-v"), 0);
    ASSERT_STR_EQ(opt_get(options, "xmlpath"), "out.xml");
    ASSERT_STR_EQ(opt_get(options, "junit_quiet"), "1");
    ASSERT_STR_EQ(opt_get(options, "verbose"), "1");
    opt_free(options);

    options = opt_new();
    ASSERT_EQ(PARSE(&context, options, &error, "--junitxml"), FASTEST_EUSAGE);
    ASSERT_STR_EQ(error, CLI_USAGE "\nfastest: error: argument --junitxml/--junit-xml: expected "
                                   "one argument");
    free(error);
    opt_free(options);
}

static void test_plugin_option_clash(void)
{
    static const struct fastest_option clashing[] = {{"-k", NULL, "k2", 1, "X", "clash"}};
    struct cli_plugin_options plugin = {"bad", clashing, 1};
    struct cli_context context = {.plugins = &plugin, .plugin_count = 1};
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(&context, options, &error, "-v"), FASTEST_EINVAL);
    ASSERT_STR_EQ(error, "plugin 'bad' adds the option -k, which fastest already has: rename the "
                         "plugin's option");
    free(error);
    opt_free(options);
}

static void test_unrecognized_with_config_lines(void)
{
    struct cli_context context = {.rootdir = "/r", .inifile = NULL};
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(&context, options, &error, "--bogus", "x", "--other"), FASTEST_EUSAGE);
    ASSERT_STR_EQ(error, CLI_USAGE "\nfastest: error: unrecognized arguments: --bogus --other\n"
                                   "  inifile: None\n  rootdir: /r");
    free(error);
    opt_free(options);
}

static void test_source_hint(void)
{
    struct cli_context context = {.source_hint = "via addopts config"};
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(&context, options, &error, "--maxfail=abc"), FASTEST_EUSAGE);
    ASSERT_STR_EQ(error, CLI_USAGE "\nfastest: error: argument --maxfail: invalid int value: "
                                   "'abc' (via addopts config)");
    free(error);
    opt_free(options);
}

static void test_prescan_skips_unknown(void)
{
    const char *args[] = {"--junitxml=x.xml", "-c", "my.ini", "tests", "-o", "a=b",
                          "-pno:cov",        "--help", "--later-unknown"};
    struct ft_options *options = opt_new();
    char *error = NULL;
    ASSERT_EQ(cli_prescan(args, sizeof(args) / sizeof(args[0]), options, &error), 0);
    ASSERT_STR_EQ(opt_get(options, "inifilename"), "my.ini");
    ASSERT_STR_EQ(opt_get(options, "file_or_dir"), "tests");
    ASSERT_STR_EQ(opt_get(options, "override_ini"), "a=b");
    ASSERT_STR_EQ(opt_get(options, "plugins"), "no:cov");
    ASSERT_STR_EQ(opt_get(options, "help"), "1");
    opt_free(options);
}

static void test_help_stops_parsing(void)
{
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(NULL, options, &error, "-h", "--bogus"), 0);
    ASSERT_STR_EQ(opt_get(options, "help"), "1");
    opt_free(options);
}

static void test_help_text(void)
{
    struct cli_context context = {.plugins = &junit, .plugin_count = 1};
    char *text = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&text, &length);
    ASSERT_EQ(cli_print_help(stream, &context, 80), 0);
    fclose(stream);
    ASSERT_TRUE(strncmp(text, CLI_USAGE "\n", strlen(CLI_USAGE) + 1) == 0);
    ASSERT_NOT_NULL(strstr(text, "\ngeneral:\n  -k EXPRESSION         Only run tests"));
    ASSERT_NOT_NULL(strstr(text, "\n  --tb=style            Traceback print mode"));
    ASSERT_NOT_NULL(strstr(text, "\njunitxml:\n  --junitxml=path, --junit-xml=path\n"));
    for (const char *line = text; *line; line += strcspn(line, "\n") + 1)
        ASSERT_TRUE(strcspn(line, "\n") <= 80);
    free(text);
}

/* Options a conftest defines (core/run/conftest_options.c builds them from
 * the engine's specs): each action the engine asks for, values checked
 * as pytest checks them, and a clash with fastest's own names. */
static void test_conftest_options(void)
{
    static const char *const levels[] = {"1", "2", NULL};
    const struct cli_option conftest[] = {
        {.group = "conftest", .names = {"--runslow"}, .dest = "runslow",
         .action = CLI_STORE_CONST, .const_value = "1"},
        {.group = "conftest", .names = {"--level"}, .dest = "level", .action = CLI_STORE,
         .type = CLI_INT, .choices = levels},
        {.group = "conftest", .names = {"--tag"}, .dest = "tag", .action = CLI_APPEND},
        {.group = "conftest", .names = {"--loud"}, .dest = "loud", .action = CLI_COUNT},
    };
    struct cli_context context = {.conftest_options = conftest, .conftest_option_count = 4,
                                  .unknown_dest = "unknown"};
    struct ft_options *options = opt_new();
    char *error;
    ASSERT_EQ(PARSE(&context, options, &error, "--runslow", "--level", "02", "--tag=a", "--tag",
                    "b", "--loud", "--loud", "tests"),
              0);
    size_t count;
    ASSERT_STR_EQ(opt_get(options, "runslow"), "1");
    ASSERT_STR_EQ(opt_get(options, "level"), "2");
    ASSERT_STR_EQ(opt_values(options, "tag", &count)[1], "b");
    ASSERT_STR_EQ(opt_get(options, "loud"), "2");
    ASSERT_STR_EQ(opt_get(options, "file_or_dir"), "tests");
    opt_values(options, "unknown", &count);
    ASSERT_EQ(count, 0);
    opt_free(options);

    options = opt_new();
    ASSERT_EQ(PARSE(&context, options, &error, "--level", "3"), FASTEST_EUSAGE);
    ASSERT_STR_EQ(error, CLI_USAGE "\nfastest: error: argument --level: invalid choice: '3' "
                                   "(choose from '1', '2')");
    free(error);
    opt_free(options);

    const struct cli_option clashing[] = {
        {.group = "conftest", .names = {"-x"}, .dest = "x", .action = CLI_STORE_CONST}};
    context = (struct cli_context){.conftest_options = clashing, .conftest_option_count = 1};
    options = opt_new();
    ASSERT_EQ(PARSE(&context, options, &error, "-v"), FASTEST_EINVAL);
    ASSERT_STR_EQ(error, "a conftest adds the option -x, which fastest already has: rename the "
                         "conftest's option");
    free(error);
    opt_free(options);
}

int main(void)
{
    test_conftest_options();
    test_plugin_options();
    test_plugin_option_clash();
    test_unrecognized_with_config_lines();
    test_source_hint();
    test_prescan_skips_unknown();
    test_help_stops_parsing();
    test_help_text();
    return 0;
}
