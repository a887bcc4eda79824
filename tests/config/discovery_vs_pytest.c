/* Builds small trees and asks both pytest (`pytest --co`, its
 * "rootdir: R, configfile: F" header line) and cfg_load for the rootdir and
 * the config file, from a given folder with given arguments.
 *   discovery_vs_pytest PYTHON */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../support/test_assert.h"
#include "cli/cli.h"
#include "config/config.h"
#include "options/options.h"

#define MAX_FILES 6
#define MAX_ARGS 4

struct scenario {
    const char *name;
    const char *files[MAX_FILES][2]; /* relative path, content */
    const char *cwd;                 /* relative to the tree */
    const char *args[MAX_ARGS];
};

static const struct scenario scenarios[] = {
    {"no config at all", {{"a/test_x.py", ""}}, "a", {NULL}},
    {"empty pytest.ini above cwd", {{"pytest.ini", ""}, {"a/test_x.py", ""}}, "a", {NULL}},
    {".pytest.ini with a section", {{".pytest.ini", "[pytest]\n"}, {"a/test_x.py", ""}}, "a",
     {NULL}},
    {".pytest.ini without a section does not count",
     {{"a/.pytest.ini", ""}, {"tox.ini", "[pytest]\n"}, {"a/test_x.py", ""}}, "a", {NULL}},
    {"pyproject without pytest table is skipped",
     {{"a/pyproject.toml", "[tool.black]\nx = 1\n"}, {"setup.cfg", "[tool:pytest]\n"},
      {"a/test_x.py", ""}},
     "a", {NULL}},
    {"pyproject with pytest table",
     {{"a/pyproject.toml", "[tool.pytest.ini_options]\naddopts = ['-v']\n"},
      {"pytest.ini", ""}, {"a/test_x.py", ""}},
     "a", {NULL}},
    {"pytest.ini beats pyproject in the same folder",
     {{"pyproject.toml", "[tool.pytest.ini_options]\n"}, {"pytest.ini", "[pytest]\n"}}, ".",
     {NULL}},
    {"tox.ini without [pytest] is skipped",
     {{"a/tox.ini", "[tox]\n"}, {"a/test_x.py", ""}}, "a", {NULL}},
    {"setup.cfg without tool:pytest is skipped, setup.py decides",
     {{"a/setup.cfg", "[metadata]\n"}, {"setup.py", ""}, {"a/b/test_x.py", ""}}, "a/b", {NULL}},
    {"argument below the cwd", {{"a/pytest.ini", ""}, {"a/test_x.py", ""}}, ".",
     {"a/test_x.py"}},
    {"node id argument", {{"a/tox.ini", "[pytest]\n"}, {"a/test_x.py", ""}}, ".",
     {"a/test_x.py::test_one"}},
    {"missing argument is ignored", {{"pytest.ini", ""}, {"a/test_x.py", ""}}, "a",
     {"nothing_here"}},
    {"two siblings, config in one", {{"a/tox.ini", "[pytest]\n"}, {"a/test_x.py", ""},
                                     {"b/test_y.py", ""}},
     ".", {"a", "b"}},
    {"-c names the config", {{"conf/other.ini", "[pytest]\n"}, {"a/test_x.py", ""}}, "a",
     {"-c", "../conf/other.ini"}},
    {"-c with a file that holds no pytest section",
     {{"conf/x.cfg", "[metadata]\n"}, {"a/test_x.py", ""}}, "a", {"-c", "../conf/x.cfg"}},
    {"--rootdir overrides", {{"pytest.ini", ""}, {"a/test_x.py", ""}}, ".",
     {"--rootdir=a"}},
    {"--rootdir with a variable", {{"pytest.ini", ""}, {"a/b/test_x.py", ""}}, ".",
     {"--rootdir", "$FT_TEST_SUB/b"}},
    {"nearest config wins", {{"pytest.ini", ""}, {"a/tox.ini", "[pytest]\n"},
                             {"a/b/test_x.py", ""}},
     "a/b", {NULL}},
    {"cwd outside the argument's tree", {{"a/setup.cfg", "[tool:pytest]\n"},
                                         {"a/test_x.py", ""}, {"c/keep", ""}},
     "c", {"../a/test_x.py"}},
};

static void write_file(const char *root, const char *relative, const char *content)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", root, relative);
    for (char *slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0755);
        *slash = '/';
    }
    FILE *file = fopen(path, "w");
    ASSERT_NOT_NULL(file);
    fputs(content, file);
    fclose(file);
}

/* pytest's header: "rootdir: R" or "rootdir: R, configfile: F". */
static void ask_pytest(const char *python, const char *cwd, const char *const *args,
                       char *rootdir, char *configfile)
{
    char command[4096];
    int used = snprintf(command, sizeof(command),
                        "cd '%s' && '%s' -m pytest --co -p no:cacheprovider", cwd, python);
    for (size_t i = 0; i < MAX_ARGS && args[i]; i++)
        used += snprintf(command + used, sizeof(command) - (size_t)used, " '%s'", args[i]);
    snprintf(command + used, sizeof(command) - (size_t)used, " 2>&1");
    FILE *output = popen(command, "r");
    ASSERT_NOT_NULL(output);
    char line[4096];
    rootdir[0] = configfile[0] = '\0';
    while (fgets(line, sizeof(line), output)) {
        if (strncmp(line, "rootdir: ", 9) != 0)
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *comma = strstr(line, ", configfile: ");
        if (comma) {
            strcpy(configfile, comma + strlen(", configfile: "));
            *comma = '\0';
        }
        strcpy(rootdir, line + 9);
    }
    pclose(output);
}

static int check(const char *python, const char *root, const struct scenario *scenario)
{
    char cwd[PATH_MAX];
    snprintf(cwd, sizeof(cwd), "%s/%s", root, scenario->cwd);
    char pytest_rootdir[PATH_MAX], pytest_configfile[PATH_MAX];
    ask_pytest(python, cwd, scenario->args, pytest_rootdir, pytest_configfile);

    size_t count = 0;
    while (count < MAX_ARGS && scenario->args[count])
        count++;
    struct ft_options *options = opt_new();
    char *error = NULL;
    ASSERT_EQ(cli_prescan(scenario->args, count, options, &error), 0);
    size_t file_count, override_count;
    struct cfg_request request = {
        .inifile = opt_get(options, "inifilename"),
        .rootdir = opt_get(options, "rootdir"),
        .args = opt_values(options, "file_or_dir", &file_count),
        .overrides = opt_values(options, "override_ini", &override_count),
        .invocation_dir = cwd,
    };
    request.arg_count = file_count;
    request.override_count = override_count;
    /* pytest resolves relative arguments against its cwd. */
    ASSERT_EQ(chdir(cwd), 0);
    struct ft_config *config = NULL;
    int rc = cfg_load(&request, &config, &error);
    if (rc) {
        fprintf(stderr, "%s: cfg_load failed: %s\n", scenario->name, error);
        return 1;
    }
    int failures = 0;
    if (strcmp(pytest_rootdir, cfg_rootdir(config)) != 0) {
        fprintf(stderr, "%s: rootdir: pytest %s, fastest %s\n", scenario->name, pytest_rootdir,
                cfg_rootdir(config));
        failures++;
    }
    /* pytest shows the config file relative to the rootdir: compare the
     * files it names. */
    char expected[PATH_MAX] = "", shown[PATH_MAX * 2];
    if (pytest_configfile[0]) {
        snprintf(shown, sizeof(shown), "%s%s%s", pytest_configfile[0] == '/' ? "" : pytest_rootdir,
                 pytest_configfile[0] == '/' ? "" : "/", pytest_configfile);
        ASSERT_NOT_NULL(realpath(shown, expected));
    }
    char actual[PATH_MAX] = "";
    if (cfg_inifile(config))
        ASSERT_NOT_NULL(realpath(cfg_inifile(config), actual));
    if (strcmp(expected, actual) != 0) {
        fprintf(stderr, "%s: configfile: pytest '%s', fastest '%s'\n", scenario->name, expected,
                actual);
        failures++;
    }
    cfg_free(config);
    opt_free(options);
    return failures;
}

int main(int argc, char **argv)
{
    ASSERT_EQ(argc, 2);
    int failures = 0;
    size_t count = sizeof(scenarios) / sizeof(scenarios[0]);
    for (size_t s = 0; s < count; s++) {
        char root[] = "/tmp/fastest-discovery-XXXXXX";
        ASSERT_NOT_NULL(mkdtemp(root));
        char sub[PATH_MAX];
        snprintf(sub, sizeof(sub), "%s/a", root);
        setenv("FT_TEST_SUB", sub, 1);
        for (size_t f = 0; f < MAX_FILES && scenarios[s].files[f][0]; f++)
            write_file(root, scenarios[s].files[f][0], scenarios[s].files[f][1]);
        failures += check(argv[1], root, &scenarios[s]);
        ASSERT_EQ(chdir("/"), 0);
        char command[PATH_MAX + 16];
        snprintf(command, sizeof(command), "rm -rf '%s'", root);
        ASSERT_EQ(system(command), 0);
    }
    fprintf(stderr, "%zu trees compared with pytest, %d differences\n", count, failures);
    return failures ? 1 : 0;
}
