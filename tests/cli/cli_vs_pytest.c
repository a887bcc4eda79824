/* Parses a table of command lines with fastest's parser and with pytest's
 * own (pytest_option_oracle.py, run by the python that has pytest), and
 * compares every dest's values, or the error message, line by line.
 *   cli_vs_pytest PYTHON ORACLE_SCRIPT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastest/errors.h>

#include "../support/test_assert.h"
#include "cli/cli.h"
#include "options/options.h"

#define MAX_ARGS 8

static const char *const dests[] = {
    "file_or_dir", "verbose", "quiet", "keyword", "markexpr", "maxfail", "plugins",
    "numprocesses", "dist", "capture", "reportchars", "tbstyle", "collectonly", "lf",
    "failedfirst", "newfirst", "stepwise", "durations", "ignore", "ignore_glob", "deselect",
    "inifilename", "override_ini", "rootdir", "pythonwarnings", "importmode", "basetemp",
    "strict_markers", "strict_config", "continue_on_collection_errors", "assertmode", "color",
    "cacheclear", "runxfail", "doctestmodules", "setupshow", "showlocals", "fulltrace", "usepdb",
    "debug", "version", "confcutdir", "log_level", "showcapture",
};

static const char *const cases[][MAX_ARGS] = {
    {NULL},
    {"-v"}, {"-vv"}, {"-vvx"}, {"-qqv"}, {"-q", "--quiet", "-v"}, {"--verbosity=3", "-v"},
    {"--verbosity", "2"}, {"-x"}, {"--exitfirst", "--maxfail=3"}, {"--maxfail", "2", "-x"},
    {"-k", "foo and not bar"}, {"-kfoo"}, {"-k=foo"}, {"-xk", "foo"}, {"-xkfoo"}, {"-k", "-1"},
    {"-k", "-a b"}, {"-k", "-a"}, {"-k"}, {"-m", "slow"}, {"-mslow", "-m", "fast"},
    {"-n2"}, {"-n", "auto"}, {"--numprocesses=logical"}, {"-n", "x"}, {"-n", "0"},
    {"--dist", "loadfile"}, {"--dist=bogus"}, {"-s"}, {"--capture=sys"}, {"--capture", "foo"},
    {"-s", "--capture=fd"}, {"-rA"}, {"-r", "fEsx"}, {"--tb=short"}, {"--tb", "no"},
    {"--tb=foo"}, {"--tb"}, {"--co"}, {"--collect-only"}, {"--collectonly"}, {"--co=1"},
    {"--lf", "--ff", "--nf", "--sw"}, {"--last-failed", "--failed-first", "--new-first"},
    {"--stepwise"}, {"--durations=5"}, {"--durations", "0"}, {"--durations=x"},
    {"--maxfail=abc"}, {"--maxfail"}, {"--maxfail=0010"}, {"--maxfail= -3 "},
    {"--ignore=a", "--ignore", "b"}, {"--ignore-glob=*.py"}, {"--deselect", "t.py::x"},
    {"-c", "my.ini"}, {"-cmy.ini"}, {"-o", "a=b", "--override-ini=c=d", "-oe=f"},
    {"--rootdir=/tmp"}, {"--rootdir", "$HOME/x"}, {"-W", "error", "--pythonwarnings=ignore"},
    {"-Werror::DeprecationWarning"}, {"--import-mode=importlib"}, {"--import-mode=x"},
    {"--basetemp=/tmp/bt"}, {"--strict-markers", "--strict-config"},
    {"--continue-on-collection-errors"}, {"--assert=plain"}, {"--assert", "nope"},
    {"--color=yes"}, {"--color", "never"}, {"--cache-clear", "--runxfail"},
    {"--doctest-modules"}, {"--setup-show", "--setupshow"}, {"-l"}, {"--showlocals"},
    {"-l", "--no-showlocals"}, {"--full-trace"}, {"--fulltrace"}, {"--pdb"}, {"--debug"},
    {"--debug", "x.log"}, {"--debug", "-v"}, {"--debug=y.log"}, {"-V"}, {"--version", "-V"},
    {"-p", "no:cacheprovider", "-pxdist"}, {"-p"}, {"--confcutdir=."},
    {"--log-level", "DEBUG"}, {"--show-capture=no"},
    {"tests"}, {"a", "b", "-v"}, {"a", "-v", "b"}, {"-v", "a", "-q", "b"}, {"a", "-v", "b", "--bogus"},
    {"--bogus"}, {"--bogus", "x", "--other"}, {"--bogus=3"}, {"--ver"}, {"--verb"},
    {"--co", "--c"}, {"-Z"}, {"-vZ"}, {"-x-v"}, {"-x=1"}, {"--co="}, {"-v", "--verbose=2"},
    {"--", "-v"}, {"a", "--", "-v"}, {"a", "-v", "--", "b"}, {"-v", "--", "-x", "--", "y"},
    {"-"}, {"-1"}, {"t.py::test_x[1-2]"}, {"-k", ""}, {"-k="}, {"--keyword=x"},
};

static void append_json(char *buffer, size_t size, const char *const *args)
{
    strcat(buffer, "[");
    for (size_t i = 0; i < MAX_ARGS && args[i]; i++) {
        size_t used = strlen(buffer);
        snprintf(buffer + used, size - used, "%s\"", i ? "," : "");
        for (const char *c = args[i]; *c; c++) {
            used = strlen(buffer);
            snprintf(buffer + used, size - used, *c == '"' || *c == '\\' ? "\\%c" : "%c", *c);
        }
        strcat(buffer, "\"");
    }
    strcat(buffer, "]\n");
}

/* fastest's answer for one case, in the oracle's format. */
static void describe(const char *const *args, char *out, size_t size)
{
    size_t count = 0;
    while (count < MAX_ARGS && args[count])
        count++;
    struct ft_options *options = opt_new();
    char *error = NULL;
    int rc = cli_parse(args, count, NULL, options, &error);
    out[0] = '\0';
    if (rc) {
        ASSERT_EQ(rc, FASTEST_EUSAGE);
        const char *message = strstr(error, ": error: ") + strlen(": error: ");
        snprintf(out, size, "error: %.*s\n", (int)strcspn(message, "\n"), message);
    } else {
        for (size_t d = 0; d < sizeof(dests) / sizeof(dests[0]); d++) {
            size_t value_count;
            const char *const *values = opt_values(options, dests[d], &value_count);
            for (size_t v = 0; v < value_count; v++) {
                size_t used = strlen(out);
                snprintf(out + used, size - used, "%s=%s\n", dests[d], values[v]);
            }
        }
    }
    free(error);
    opt_free(options);
}

int main(int argc, char **argv)
{
    ASSERT_EQ(argc, 3);
    size_t case_count = sizeof(cases) / sizeof(cases[0]);
    char input_path[] = "/tmp/fastest-cli-cases-XXXXXX";
    int fd = mkstemp(input_path);
    ASSERT_TRUE(fd >= 0);
    FILE *input = fdopen(fd, "w");
    for (size_t c = 0; c < case_count; c++) {
        char line[1024] = "";
        append_json(line, sizeof(line), cases[c]);
        fputs(line, input);
    }
    fclose(input);

    char dest_list[2048] = "";
    for (size_t d = 0; d < sizeof(dests) / sizeof(dests[0]); d++)
        snprintf(dest_list + strlen(dest_list), sizeof(dest_list) - strlen(dest_list), "%s%s",
                 d ? "," : "", dests[d]);
    /* Run from an empty place, so no config file near the oracle counts. */
    char *oracle_path = realpath(argv[2], NULL);
    ASSERT_NOT_NULL(oracle_path);
    char command[4096];
    snprintf(command, sizeof(command), "cd /tmp && '%s' '%s' '%s' < '%s'", argv[1], oracle_path,
             dest_list, input_path);
    free(oracle_path);
    FILE *oracle = popen(command, "r");
    ASSERT_NOT_NULL(oracle);

    int failures = 0;
    for (size_t c = 0; c < case_count; c++) {
        char expected[4096] = "", line[1024];
        while (fgets(line, sizeof(line), oracle) && strcmp(line, "---\n") != 0)
            strncat(expected, line, sizeof(expected) - strlen(expected) - 1);
        char actual[4096];
        describe(cases[c], actual, sizeof(actual));
        if (strcmp(expected, actual) != 0) {
            char shown[1024] = "";
            append_json(shown, sizeof(shown), cases[c]);
            fprintf(stderr, "case %s--- pytest:\n%s--- fastest:\n%s\n", shown, expected, actual);
            failures++;
        }
    }
    int status = pclose(oracle);
    if (getenv("FT_KEEP_CASES")) fprintf(stderr, "cases: %s\n", input_path); else unlink(input_path);
    ASSERT_EQ(status, 0);
    fprintf(stderr, "%zu command lines compared with pytest, %d differ\n", case_count, failures);
    return failures ? 1 : 0;
}
