/* cfg_load's values: overrides, value types, addopts merging, fastest's
 * own keys and pyproject.toml, on temporary trees. Discovery itself is
 * compared with pytest in discovery_vs_pytest. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <fastest/errors.h>

#include "../support/test_assert.h"
#include "config/config.h"

static char root[] = "/tmp/fastest-config-XXXXXX";

static void write_file(const char *name, const char *content)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", root, name);
    FILE *file = fopen(path, "w");
    ASSERT_NOT_NULL(file);
    fputs(content, file);
    fclose(file);
}

static void remove_file(const char *name)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", root, name);
    remove(path);
}

static struct ft_config *load(const char *const *overrides, size_t override_count)
{
    struct cfg_request request = {.invocation_dir = root, .overrides = overrides,
                                  .override_count = override_count};
    struct ft_config *config = NULL;
    char *error = NULL;
    int rc = cfg_load(&request, &config, &error);
    if (rc)
        fprintf(stderr, "cfg_load: %s\n", error);
    ASSERT_EQ(rc, 0);
    return config;
}

static void test_ini_values_and_overrides(void)
{
    write_file("pytest.ini", "[pytest]\naddopts = -v -k 'a b'\nmarkers =\n  slow: s\n\n"
                             "  fast: f\nxfail_strict = True\n[fastest]\nstrategy = inprocess\n");
    const char *overrides[] = {"xfail_strict=no", "empty=", "xfail_strict=off"};
    struct ft_config *config = load(overrides, 3);
    ASSERT_STR_EQ(cfg_rootdir(config), root);
    ASSERT_STR_EQ(cfg_get(config, "xfail_strict"), "off");
    ASSERT_STR_EQ(cfg_get(config, "empty"), "");
    ASSERT_NULL(cfg_get(config, "missing"));
    bool strict = true;
    ASSERT_EQ(cfg_get_bool(config, "xfail_strict", true, &strict, NULL), 0);
    ASSERT_EQ(strict, false);

    struct cfg_list markers = {0};
    ASSERT_EQ(cfg_get_list(config, "markers", CFG_LINELIST, &markers, NULL), 0);
    ASSERT_EQ(markers.count, 2);
    ASSERT_STR_EQ(markers.items[0], "slow: s");
    ASSERT_STR_EQ(markers.items[1], "fast: f");
    cfg_list_free(&markers);

    /* pytest's order: ini addopts, then PYTEST_ADDOPTS, then argv. */
    const char *words[] = {"--env-flag", "tests"};
    struct cfg_list merged = {0};
    ASSERT_EQ(cfg_merged_args(config, words, 2, &merged, NULL), 0);
    ASSERT_EQ(merged.count, 5);
    ASSERT_STR_EQ(merged.items[0], "-v");
    ASSERT_STR_EQ(merged.items[1], "-k");
    ASSERT_STR_EQ(merged.items[2], "a b");
    ASSERT_STR_EQ(merged.items[3], "--env-flag");
    ASSERT_STR_EQ(merged.items[4], "tests");
    cfg_list_free(&merged);
    ASSERT_STR_EQ(cfg_fastest(config, "strategy"), "inprocess");
    cfg_free(config);

    /* fastest.ini beats the config file's [fastest] section. */
    write_file("fastest.ini", "[fastest]\nstrategy = fullparallel\nworkers = 4\n");
    config = load(NULL, 0);
    ASSERT_STR_EQ(cfg_fastest(config, "strategy"), "fullparallel");
    ASSERT_STR_EQ(cfg_fastest(config, "workers"), "4");
    cfg_free(config);
    remove_file("fastest.ini");
    remove_file("pytest.ini");
}

static void test_bad_override_and_bad_bool(void)
{
    write_file("tox.ini", "[pytest]\nxfail_strict = maybe\n");
    struct cfg_request request = {.invocation_dir = root, .overrides = (const char *[]){"novalue"},
                                  .override_count = 1};
    struct ft_config *config = NULL;
    char *error = NULL;
    ASSERT_EQ(cfg_load(&request, &config, &error), FASTEST_EUSAGE);
    ASSERT_STR_EQ(error, "-o/--override-ini expects option=value style (got: 'novalue').");
    free(error);

    config = load(NULL, 0);
    bool value;
    ASSERT_EQ(cfg_get_bool(config, "xfail_strict", false, &value, &error), FASTEST_ECONFIG);
    ASSERT_NOT_NULL(strstr(error, "tox.ini: xfail_strict: invalid truth value 'maybe'"));
    free(error);
    cfg_free(config);
    remove_file("tox.ini");
}

static void test_malformed_ini(void)
{
    write_file("pytest.ini", "[pytest]\naddopts = -v\nfoo\n");
    struct cfg_request request = {.invocation_dir = root};
    struct ft_config *config = NULL;
    char *error = NULL;
    ASSERT_EQ(cfg_load(&request, &config, &error), FASTEST_ECONFIG);
    char expected[PATH_MAX + 64];
    snprintf(expected, sizeof(expected), "%s/pytest.ini:3: unexpected line: 'foo'", root);
    ASSERT_STR_EQ(error, expected);
    free(error);
    remove_file("pytest.ini");
}

static void test_pyproject(void)
{
    write_file("pyproject.toml", "[tool.pytest.ini_options]\naddopts = ['-x', '-k', 'a b']\n"
                                 "xfail_strict = true\nminversion = 7.0\n"
                                 "[tool.fastest]\nengine = 'native'\n");
    struct ft_config *config = load(NULL, 0);
    ASSERT_STR_EQ(cfg_get(config, "xfail_strict"), "True");
    ASSERT_STR_EQ(cfg_get(config, "minversion"), "7.0");
    ASSERT_NULL(cfg_get(config, "addopts"));
    struct cfg_list addopts = {0};
    ASSERT_EQ(cfg_get_list(config, "addopts", CFG_ARGS, &addopts, NULL), 0);
    ASSERT_EQ(addopts.count, 3);
    ASSERT_STR_EQ(addopts.items[2], "a b");
    cfg_list_free(&addopts);
    ASSERT_STR_EQ(cfg_fastest(config, "engine"), "native");
    cfg_free(config);

    write_file("pyproject.toml", "[tool.pytest.ini_options]\naddopts = [\n");
    struct cfg_request request = {.invocation_dir = root};
    char *error = NULL;
    ASSERT_EQ(cfg_load(&request, &config, &error), FASTEST_ECONFIG);
    char expected[PATH_MAX + 64];
    snprintf(expected, sizeof(expected), "%s/pyproject.toml: Invalid value (at end of document)",
             root);
    ASSERT_STR_EQ(error, expected);
    free(error);
    remove_file("pyproject.toml");
}

static void test_shlex_errors(void)
{
    struct cfg_list words = {0};
    char *error = NULL;
    ASSERT_EQ(cfg_split_args("a 'b", &words, &error), FASTEST_EINVAL);
    ASSERT_STR_EQ(error, "No closing quotation");
    free(error);
    cfg_list_free(&words);
    ASSERT_EQ(cfg_split_args("a\\ b \"c\\\"d\" 'e\\f'g", &words, NULL), 0);
    ASSERT_EQ(words.count, 3);
    ASSERT_STR_EQ(words.items[0], "a b");
    ASSERT_STR_EQ(words.items[1], "c\"d");
    ASSERT_STR_EQ(words.items[2], "e\\fg");
    cfg_list_free(&words);
}

int main(void)
{
    ASSERT_NOT_NULL(mkdtemp(root));
    test_ini_values_and_overrides();
    test_bad_override_and_bad_bool();
    test_malformed_ini();
    test_pyproject();
    test_shlex_errors();
    remove(root);
    return 0;
}
