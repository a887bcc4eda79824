#include "cli/option_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "cli/cli.h"
#include "cli/text.h"
#include "options/options.h"

/* Group titles as `pytest --help` prints them. */
#define GENERAL "general"
#define REPORTING "Reporting"
#define WARNINGS "pytest-warnings"
#define COLLECTION "collection"
#define DEBUGCONFIG "test session debugging and configuration"
#define LOGGING "logging"
#define XDIST "distributed and subprocess testing"
#define FASTEST "fastest"

static const char *const capture_choices[] = {"fd", "sys", "no", "tee-sys", NULL};
static const char *const lfnf_choices[] = {"all", "none", NULL};
static const char *const tb_choices[] = {"auto", "long", "short", "no", "line", "native", NULL};
static const char *const show_capture_choices[] = {"no", "stdout", "stderr", "log", "all", NULL};
static const char *const color_choices[] = {"yes", "no", "auto", NULL};
static const char *const yes_no_choices[] = {"yes", "no", NULL};
static const char *const pastebin_choices[] = {"failed", "all", NULL};
static const char *const import_mode_choices[] = {"prepend", "append", "importlib", NULL};
static const char *const doctest_report_choices[] = {"none", "cdiff", "ndiff", "udiff",
                                                     "only_first_failure", NULL};
static const char *const assert_choices[] = {"rewrite", "plain", NULL};
static const char *const dist_choices[] = {"each", "load", "loadscope", "loadfile",
                                           "loadgroup", "no", NULL};
static const char *const engine_choices[] = {"native", "pytest", NULL};

/* Shorthands that keep the table readable: pytest's store_true is a
 * store_const of "1" whose default, False, is stored as "0". */
#define SWITCH(group, dest, help, ...)                                                             \
    {group, {__VA_ARGS__}, dest, CLI_STORE_CONST, CLI_TEXT, "0", "1", NULL, NULL, help}
#define VALUE(group, dest, type, default_value, choices, metavar, help, ...)                        \
    {group, {__VA_ARGS__}, dest, CLI_STORE, type, default_value, NULL, choices, metavar, help}
#define LIST(group, dest, metavar, help, ...)                                                      \
    {group, {__VA_ARGS__}, dest, CLI_APPEND, CLI_TEXT, NULL, NULL, NULL, metavar, help}

static const struct cli_option builtin[] = {
    VALUE(GENERAL, "keyword", CLI_TEXT, "", NULL, "EXPRESSION",
          "Only run tests which match the given substring expression", "-k"),
    VALUE(GENERAL, "markexpr", CLI_TEXT, "", NULL, "MARKEXPR",
          "Only run tests matching given mark expression", "-m"),
    SWITCH(GENERAL, "markers", "show markers (builtin, plugin and per-project ones). (runs pytest)",
           "--markers"),
    /* pytest stores -x as maxfail=1: there is no "exitfirst" dest. */
    {GENERAL, {"-x", "--exitfirst"}, "maxfail", CLI_STORE_CONST, CLI_TEXT, NULL, "1", NULL, NULL,
     "Exit instantly on first error or failed test"},
    SWITCH(GENERAL, "showfixtures", "Show available fixtures (runs pytest)", "--fixtures", "--funcargs"),
    SWITCH(GENERAL, "show_fixtures_per_test", "Show fixtures per test (runs pytest)",
           "--fixtures-per-test"),
    SWITCH(GENERAL, "usepdb",
           "Start the interactive Python debugger on errors or KeyboardInterrupt (runs pytest)",
           "--pdb"),
    VALUE(GENERAL, "usepdb_cls", CLI_TEXT, NULL, NULL, "modulename:classname",
          "Specify a custom interactive Python debugger for use with --pdb", "--pdbcls"),
    SWITCH(GENERAL, "trace", "Immediately break when running each test (runs pytest)", "--trace"),
    VALUE(GENERAL, "capture", CLI_TEXT, "fd", capture_choices, "method",
          "Per-test capturing method: one of fd|sys|no|tee-sys", "--capture"),
    {GENERAL, {"-s"}, "capture", CLI_STORE_CONST, CLI_TEXT, NULL, "no", NULL, NULL,
     "Shortcut for --capture=no"},
    SWITCH(GENERAL, "runxfail",
           "Report the results of xfail tests as if they were not marked", "--runxfail"),
    SWITCH(GENERAL, "lf", "Rerun only the tests that failed at the last run", "--lf",
           "--last-failed"),
    SWITCH(GENERAL, "failedfirst", "Run all tests, but run the last failures first",
           "--ff", "--failed-first"),
    SWITCH(GENERAL, "newfirst", "Run tests from new files first", "--nf", "--new-first"),
    /* pytest stores None when no glob follows; "" stands for it here. */
    {GENERAL, {"--cache-show"}, "cacheshow", CLI_STORE_OPTIONAL, CLI_TEXT, NULL, "", NULL,
     "[CACHESHOW]", "Show cache contents, don't perform collection or tests (runs pytest)"},
    SWITCH(GENERAL, "cacheclear", "Remove all cache contents at start of test run",
           "--cache-clear"),
    VALUE(GENERAL, "last_failed_no_failures", CLI_TEXT, "all", lfnf_choices, NULL,
          "Which tests to run with no previously (known) failures", "--lfnf",
          "--last-failed-no-failures"),
    SWITCH(GENERAL, "stepwise",
           "Exit on test failure and continue from last failing test next time", "--sw",
           "--stepwise"),
    SWITCH(GENERAL, "stepwise_skip",
           "Ignore the first failing test but stop on the next failing test", "--sw-skip",
           "--stepwise-skip"),

    VALUE(REPORTING, "durations", CLI_INT, NULL, NULL, "N",
          "Show N slowest setup/test durations (N=0 for all)", "--durations"),
    VALUE(REPORTING, "durations_min", CLI_FLOAT, "0.005", NULL, "N",
          "Minimal duration in seconds for inclusion in slowest list. Default: 0.005.",
          "--durations-min"),
    {REPORTING, {"-v", "--verbose"}, "verbose", CLI_COUNT, CLI_TEXT, "0", NULL, NULL, NULL,
     "Increase verbosity"},
    SWITCH(REPORTING, "no_header", "Disable header", "--no-header"),
    SWITCH(REPORTING, "no_summary", "Disable summary", "--no-summary"),
    {REPORTING, {"-q", "--quiet"}, "verbose", CLI_QUIET, CLI_TEXT, "0", NULL, NULL, NULL,
     "Decrease verbosity"},
    VALUE(REPORTING, "verbose", CLI_INT, "0", NULL, "VERBOSE", "Set verbosity. Default: 0.",
          "--verbosity"),
    VALUE(REPORTING, "reportchars", CLI_TEXT, "fE", NULL, "chars",
          "Show extra test summary info as specified by chars: (f)ailed, (E)rror, (s)kipped, "
          "(x)failed, (X)passed, (p)assed, (P)assed with output, (a)ll except passed (p/P), or "
          "(A)ll. (w)arnings are enabled by default (see --disable-warnings), 'N' can be used to "
          "reset the list. (default: 'fE').",
          "-r"),
    SWITCH(REPORTING, "disable_warnings", "Disable warnings summary", "--disable-warnings",
           "--disable-pytest-warnings"),
    SWITCH(REPORTING, "showlocals", "Show locals in tracebacks (disabled by default)", "-l",
           "--showlocals"),
    {REPORTING, {"--no-showlocals"}, "showlocals", CLI_STORE_CONST, CLI_TEXT, NULL, "0", NULL,
     NULL, "Hide locals in tracebacks (negate --showlocals passed through addopts)"},
    VALUE(REPORTING, "tbstyle", CLI_TEXT, "auto", tb_choices, "style",
          "Traceback print mode (auto/long/short/line/native/no)", "--tb"),
    VALUE(REPORTING, "showcapture", CLI_TEXT, "all", show_capture_choices, NULL,
          "Controls how captured stdout/stderr/log is shown on failed tests. Default: all.",
          "--show-capture"),
    SWITCH(REPORTING, "fulltrace", "Don't cut any tracebacks (default is to cut)",
           "--fulltrace", "--full-trace"),
    VALUE(REPORTING, "color", CLI_TEXT, "auto", color_choices, "color",
          "Color terminal output (yes/no/auto)", "--color"),
    VALUE(REPORTING, "code_highlight", CLI_TEXT, "yes", yes_no_choices, NULL,
          "Whether code should be highlighted (only if --color is also enabled). Default: yes.",
          "--code-highlight"),
    VALUE(REPORTING, "pastebin", CLI_TEXT, NULL, pastebin_choices, "mode",
          "Send failed|all info to bpaste.net pastebin service", "--pastebin"),

    LIST(WARNINGS, "pythonwarnings", "PYTHONWARNINGS",
         "Set which warnings to report, see -W option of Python itself", "-W",
         "--pythonwarnings"),
    VALUE(WARNINGS, "maxfail", CLI_INT, "0", NULL, "num",
          "Exit after first num failures or errors", "--maxfail"),
    SWITCH(WARNINGS, "strict_config",
           "Any warnings encountered while parsing the `pytest` section of the configuration "
           "file raise errors",
           "--strict-config"),
    SWITCH(WARNINGS, "strict_markers",
           "Markers not registered in the `markers` section of the configuration file raise "
           "errors",
           "--strict-markers"),
    SWITCH(WARNINGS, "strict", "(Deprecated) alias to --strict-markers", "--strict"),
    VALUE(WARNINGS, "inifilename", CLI_TEXT, NULL, NULL, "file",
          "Load configuration from `file` instead of trying to locate one of the implicit "
          "configuration files",
          "-c"),
    SWITCH(WARNINGS, "continue_on_collection_errors",
           "Force test execution even if collection errors occur",
           "--continue-on-collection-errors"),
    VALUE(WARNINGS, "rootdir", CLI_TEXT, NULL, NULL, "ROOTDIR",
          "Define root directory for tests. Can be relative path: 'root_dir', './root_dir', "
          "'root_dir/another_dir/'; absolute path: '/home/user/root_dir'; path with variables: "
          "'$HOME/root_dir'.",
          "--rootdir"),

    SWITCH(COLLECTION, "collectonly", "Only collect tests, don't execute them (with -v, runs pytest)",
           "--collectonly", "--collect-only", "--co"),
    SWITCH(COLLECTION, "pyargs", "Try to interpret all arguments as Python packages",
           "--pyargs"),
    LIST(COLLECTION, "ignore", "path", "Ignore path during collection (multi-allowed)",
         "--ignore"),
    LIST(COLLECTION, "ignore_glob", "path",
         "Ignore path pattern during collection (multi-allowed)", "--ignore-glob"),
    LIST(COLLECTION, "deselect", "nodeid_prefix",
         "Deselect item (via node id prefix) during collection (multi-allowed)", "--deselect"),
    VALUE(COLLECTION, "confcutdir", CLI_TEXT, NULL, NULL, "dir",
          "Only load conftest.py's relative to specified dir", "--confcutdir"),
    SWITCH(COLLECTION, "noconftest", "Don't load any conftest.py files", "--noconftest"),
    SWITCH(COLLECTION, "keepduplicates", "Keep duplicate tests", "--keepduplicates",
           "--keep-duplicates"),
    SWITCH(COLLECTION, "collect_in_virtualenv",
           "Don't ignore tests in a local virtualenv directory", "--collect-in-virtualenv"),
    VALUE(COLLECTION, "importmode", CLI_TEXT, "prepend", import_mode_choices, NULL,
          "Prepend/append to sys.path when importing test modules and conftest files. Default: "
          "prepend.",
          "--import-mode"),
    SWITCH(COLLECTION, "doctestmodules", "Run doctests in all .py modules",
           "--doctest-modules"),
    VALUE(COLLECTION, "doctestreport", CLI_TEXT, "udiff", doctest_report_choices, NULL,
          "Choose another output format for diffs on doctest failure", "--doctest-report"),
    LIST(COLLECTION, "doctestglob", "pat", "Doctests file matching pattern, default: test*.txt",
         "--doctest-glob"),
    SWITCH(COLLECTION, "doctest_ignore_import_errors", "Ignore doctest ImportErrors",
           "--doctest-ignore-import-errors"),
    SWITCH(COLLECTION, "doctest_continue_on_failure",
           "For a given doctest, continue to run after the first failure",
           "--doctest-continue-on-failure"),

    VALUE(DEBUGCONFIG, "basetemp", CLI_TEXT, NULL, NULL, "dir",
          "Base temporary directory for this test run. (Warning: this directory is removed if "
          "it exists.)",
          "--basetemp"),
    {DEBUGCONFIG, {"-V", "--version"}, "version", CLI_COUNT, CLI_TEXT, "0", NULL, NULL, NULL,
     "Display fastest's version and information about plugins."},
    {DEBUGCONFIG, {"-h", "--help"}, "help", CLI_HELP, CLI_TEXT, "0", NULL, NULL, NULL,
     "Show help message and configuration info"},
    LIST(DEBUGCONFIG, "plugins", "name",
         "Early-load given plugin module name or entry point (multi-allowed). To avoid loading "
         "of plugins, use the `no:` prefix, e.g. `no:doctest`.",
         "-p"),
    SWITCH(DEBUGCONFIG, "traceconfig", "Trace considerations of conftest.py files",
           "--traceconfig", "--trace-config"),
    {DEBUGCONFIG, {"--debug"}, "debug", CLI_STORE_OPTIONAL, CLI_TEXT, NULL, "pytestdebug.log",
     NULL, "[DEBUG_FILE_NAME]", "Store internal tracing debug information in this log file."},
    LIST(DEBUGCONFIG, "override_ini", "OVERRIDE_INI",
         "Override ini option with \"option=value\" style, e.g. `-o xfail_strict=True -o "
         "cache_dir=cache`.",
         "-o", "--override-ini"),
    VALUE(DEBUGCONFIG, "assertmode", CLI_TEXT, "rewrite", assert_choices, "MODE",
          "Control assertion debugging tools: 'plain' performs no assertion debugging, "
          "'rewrite' (the default) rewrites assert statements in test modules.",
          "--assert"),
    SWITCH(DEBUGCONFIG, "setuponly", "Only setup fixtures, do not execute tests (runs pytest)",
           "--setuponly", "--setup-only"),
    SWITCH(DEBUGCONFIG, "setupshow", "Show setup of fixtures while executing tests (runs pytest)",
           "--setupshow", "--setup-show"),
    SWITCH(DEBUGCONFIG, "setupplan",
           "Show what fixtures and tests would be executed but don't execute anything (runs pytest)",
           "--setupplan", "--setup-plan"),

    VALUE(LOGGING, "log_level", CLI_TEXT, NULL, NULL, "LEVEL",
          "Level of messages to catch/display", "--log-level"),
    VALUE(LOGGING, "log_format", CLI_TEXT, NULL, NULL, NULL,
          "Log format used by the logging module", "--log-format"),
    VALUE(LOGGING, "log_date_format", CLI_TEXT, NULL, NULL, NULL,
          "Log date format used by the logging module", "--log-date-format"),
    VALUE(LOGGING, "log_cli_level", CLI_TEXT, NULL, NULL, NULL, "CLI logging level (runs pytest)",
          "--log-cli-level"),
    VALUE(LOGGING, "log_cli_format", CLI_TEXT, NULL, NULL, NULL,
          "Log format used by the logging module", "--log-cli-format"),
    VALUE(LOGGING, "log_cli_date_format", CLI_TEXT, NULL, NULL, NULL,
          "Log date format used by the logging module", "--log-cli-date-format"),
    VALUE(LOGGING, "log_file", CLI_TEXT, NULL, NULL, NULL,
          "Path to a file when logging will be written to (runs pytest)", "--log-file"),
    VALUE(LOGGING, "log_file_level", CLI_TEXT, NULL, NULL, NULL, "Log file logging level",
          "--log-file-level"),
    VALUE(LOGGING, "log_file_format", CLI_TEXT, NULL, NULL, NULL,
          "Log format used by the logging module", "--log-file-format"),
    VALUE(LOGGING, "log_file_date_format", CLI_TEXT, NULL, NULL, NULL,
          "Log date format used by the logging module", "--log-file-date-format"),
    VALUE(LOGGING, "log_auto_indent", CLI_TEXT, NULL, NULL, NULL,
          "Auto-indent multiline messages passed to the logging module. Accepts true|on, "
          "false|off or an integer.",
          "--log-auto-indent"),

    VALUE(XDIST, "numprocesses", CLI_NUMPROCESSES, NULL, NULL, "numprocesses",
          "Number of workers. With 'auto', one per physical CPU; with 'logical', one per "
          "logical CPU.",
          "-n", "--numprocesses"),
    VALUE(XDIST, "maxprocesses", CLI_INT, NULL, NULL, "maxprocesses",
          "limit the maximum number of workers to process the tests when using "
          "--numprocesses=auto",
          "--maxprocesses"),
    VALUE(XDIST, "dist", CLI_TEXT, "no", dist_choices, "distmode",
          "set mode for distributing tests to exec environments.", "--dist"),

    VALUE(FASTEST, "strategy", CLI_TEXT, NULL, NULL, "NAME",
          "Run with this strategy plugin (inprocess, warmworkers, fullparallel, ...) instead of "
          "the one the heuristic picks",
          "--strategy"),
    VALUE(FASTEST, "engine", CLI_TEXT, NULL, engine_choices, "ENGINE",
          "Run items with fastest's native runtime or with the real pytest", "--engine"),
    VALUE(FASTEST, "ab", CLI_TEXT, NULL, NULL, "A,B",
          "Run the selection with two strategies and compare times and outcomes", "--ab"),
    VALUE(FASTEST, "repeat", CLI_INT, NULL, NULL, "K", "Run the selection K times", "--repeat"),
    SWITCH(FASTEST, "explain", "Say why the strategy was chosen", "--explain"),
    VALUE(FASTEST, "timeout", CLI_FLOAT, NULL, NULL, "SECONDS",
          "Report a test that runs longer than SECONDS as an error", "--timeout"),
    SWITCH(FASTEST, "list_plugins", "List the plugins found and exit", "--list-plugins"),
};

/* The builtin options that belong to a pytest plugin a `-p no:NAME` can
 * block while fastest still runs the suite natively (see
 * core/python/engine_mode.c): pytest then does not know them. The options
 * of plugins that send the run to the pytest engine when blocked
 * (terminal, capture, ...) need no entry: pytest refuses them there. */
static const struct {
    const char *plugin;
    const char *dest;
} plugin_options[] = {
    {"cacheprovider", "lf"},
    {"cacheprovider", "failedfirst"},
    {"cacheprovider", "newfirst"},
    {"cacheprovider", "cacheshow"},
    {"cacheprovider", "cacheclear"},
    {"cacheprovider", "last_failed_no_failures"},
    {"stepwise", "stepwise"},
    {"stepwise", "stepwise_skip"},
    {"pastebin", "pastebin"},
    {"doctest", "doctestmodules"},
    {"doctest", "doctestreport"},
    {"doctest", "doctestglob"},
    {"doctest", "doctest_ignore_import_errors"},
    {"doctest", "doctest_continue_on_failure"},
    {"logging", "log_level"},
    {"logging", "log_format"},
    {"logging", "log_date_format"},
    {"logging", "log_cli_level"},
    {"logging", "log_cli_format"},
    {"logging", "log_cli_date_format"},
    {"logging", "log_file"},
    {"logging", "log_file_level"},
    {"logging", "log_file_format"},
    {"logging", "log_file_date_format"},
    {"logging", "log_auto_indent"},
};

bool cli_option_blocked(const struct cli_context *context, const struct cli_option *option)
{
    if (!context->plugin_choices)
        return false;
    for (size_t i = 0; i < sizeof plugin_options / sizeof plugin_options[0]; i++)
        if (strcmp(plugin_options[i].dest, option->dest) == 0)
            return opt_plugin_disabled(context->plugin_choices, plugin_options[i].plugin);
    return false;
}

bool cli_option_is_pytests(const struct cli_option *option)
{
    return strcmp(option->group, XDIST) != 0 && !cli_option_is_fastests(option);
}

bool cli_option_is_fastests(const struct cli_option *option)
{
    return strcmp(option->group, FASTEST) == 0;
}

const struct cli_option *cli_builtin_options(size_t *out_count)
{
    *out_count = sizeof(builtin) / sizeof(builtin[0]);
    return builtin;
}

static const char *owner_of(const struct cli_option *option, size_t builtin_count, size_t index)
{
    return index < builtin_count ? CLI_PROG : option->group;
}

/* The first option that already uses `name`, or NULL. */
static const struct cli_option *find_name(const struct cli_option *options, size_t count,
                                          const char *name, size_t *out_index)
{
    for (size_t i = 0; i < count; i++)
        for (size_t n = 0; n < CLI_MAX_NAMES && options[i].names[n]; n++)
            if (strcmp(options[i].names[n], name) == 0) {
                *out_index = i;
                return &options[i];
            }
    return NULL;
}

static struct cli_option from_plugin(const char *plugin_name, const struct fastest_option *option)
{
    struct cli_option converted = {
        .group = plugin_name,
        .names = {option->flag, option->alias},
        .dest = option->dest,
        .action = option->takes_value ? CLI_STORE : CLI_STORE_CONST,
        .type = CLI_TEXT,
        .const_value = option->takes_value ? NULL : "1",
        .metavar = option->metavar,
        .help = option->help,
    };
    return converted;
}

/* Appends added to options unless one of its names is taken; then sets
 * *out_error (malloc'd) naming the owner ("plugin 'x'"), who has the name,
 * and the fix for the owner's kind ("plugin"). */
static int append_option(struct cli_option *options, size_t *count, size_t builtin_count,
                         const struct cli_option *added, const char *owner, const char *kind,
                         char **out_error)
{
    for (size_t n = 0; n < CLI_MAX_NAMES && added->names[n]; n++) {
        size_t index;
        const struct cli_option *taken = find_name(options, *count, added->names[n], &index);
        if (!taken)
            continue;
        *out_error = ft_format("%s adds the option %s, which %s%s already has: rename the "
                               "%s's option",
                               owner, added->names[n], index < builtin_count ? "" : "plugin ",
                               owner_of(taken, builtin_count, index), kind);
        return *out_error ? FASTEST_EINVAL : FASTEST_ENOMEM;
    }
    options[(*count)++] = *added;
    return 0;
}

int cli_all_options(const struct cli_context *context, struct cli_option **out_options,
                    size_t *out_count, char **out_error)
{
    size_t builtin_count = sizeof(builtin) / sizeof(builtin[0]);
    size_t total = builtin_count + context->conftest_option_count;
    for (size_t p = 0; p < context->plugin_count; p++)
        total += context->plugins[p].option_count;
    struct cli_option *options = malloc(total * sizeof(*options));
    if (!options)
        return FASTEST_ENOMEM;
    memcpy(options, builtin, sizeof(builtin));
    size_t count = builtin_count;
    int rc = 0;
    for (size_t p = 0; rc == 0 && p < context->plugin_count; p++) {
        const struct cli_plugin_options *plugin = &context->plugins[p];
        char owner[256];
        snprintf(owner, sizeof owner, "plugin '%s'", plugin->plugin_name);
        for (size_t o = 0; rc == 0 && o < plugin->option_count; o++) {
            struct cli_option added = from_plugin(plugin->plugin_name, &plugin->options[o]);
            rc = append_option(options, &count, builtin_count, &added, owner, "plugin", out_error);
        }
    }
    for (size_t o = 0; rc == 0 && o < context->conftest_option_count; o++)
        rc = append_option(options, &count, builtin_count, &context->conftest_options[o],
                           "a conftest", "conftest", out_error);
    if (rc) {
        free(options);
        return rc;
    }
    *out_options = options;
    *out_count = count;
    return 0;
}
