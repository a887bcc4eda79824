/* The loader refuses every broken plugin with one exact message naming
 * the file, the reason and the fix, and still loads the good ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fastest/errors.h>

#include "plugin/loader.h"
#include "session/session.h"

#include "../support/test_assert.h"

static const char *plugin_dir;

/* The built file of a variant (malloc'd; the caller frees it). */
static char *plugin_path(const char *variant)
{
    char *path;
    if (asprintf(&path, "%s/plugin-%s.so", plugin_dir, variant) < 0)
        exit(2);
    return path;
}

/* Loads variant into set and checks the code and the message, in which
 * "%s" stands for the plugin's path. */
static void expect_refusal(struct ft_plugin_set *set, const char *variant, int code,
                           const char *message_format)
{
    char *error = NULL;
    char *path = plugin_path(variant);
    char *first = plugin_path("well-formed");
    int rc = plug_load_file(set, path, session_host(), &error);
    char expected[8192];
    snprintf(expected, sizeof expected, message_format, path, first);
    ASSERT_EQ(rc, code);
    ASSERT_STR_EQ(error, expected);
    free(error);
    free(first);
    free(path);
}

static void count_refusal(void *context, const char *message)
{
    (void)message;
    ++*(size_t *)context;
}

int main(int argc, char **argv)
{
    ASSERT_EQ(argc, 2);
    plugin_dir = argv[1];
    struct ft_plugin_set set = {0};
    char *error = NULL;

    char *well_formed = plugin_path("well-formed");
    ASSERT_EQ(plug_load_file(&set, well_formed, session_host(), &error), 0);
    free(well_formed);
    ASSERT_NULL(error);
    ASSERT_EQ(set.count, 1);
    ASSERT_NOT_NULL(plug_find(&set, FASTEST_PLUGIN_REPORTER, "well-formed"));
    ASSERT_NULL(plug_find(&set, FASTEST_PLUGIN_STRATEGY, "well-formed"));

    expect_refusal(&set, "duplicate", FASTEST_EEXIST,
                   "plugin %s refused: a plugin named 'well-formed' is already loaded from %s; "
                   "rename one of them or remove one from the plugin path");
    expect_refusal(&set, "wrong-major", FASTEST_EABIMAJOR,
                   "plugin %s refused: its descriptor was built for plugin ABI 2.0, this fastest "
                   "provides ABI 1.2; rebuild the plugin against fastest-sdk 1.x");
    expect_refusal(&set, "newer-minor", FASTEST_EABIMINOR,
                   "plugin %s refused: its descriptor needs plugin ABI 1.9, this fastest provides "
                   "ABI 1.2; upgrade fastest, or rebuild the plugin against fastest-sdk 1.2");
    expect_refusal(&set, "short-descriptor", FASTEST_ESHORT,
                   "plugin %s refused: its descriptor is 16 bytes, ABI 1.2 requires at least 64; "
                   "rebuild the plugin against the fastest-sdk headers");
    expect_refusal(&set, "short-table", FASTEST_ESHORT,
                   "plugin %s refused: its reporter table is 24 bytes, ABI 1.2 requires at least "
                   "32; rebuild the plugin against the fastest-sdk headers");
    expect_refusal(&set, "unknown-kind", FASTEST_EKIND,
                   "plugin %s refused: unknown plugin kind 7 (known: 1 strategy, 2 reporter, 3 "
                   "fixtures); set `kind` to one of enum fastest_plugin_kind");
    expect_refusal(&set, "no-entry", FASTEST_ENOENTRY,
                   "plugin %s refused: no entry symbol 'fastest_plugin_entry'; define it with "
                   "FASTEST_PLUGIN_ENTRY from <fastest/plugin.h>");
    expect_refusal(&set, "entry-fails", FASTEST_EPLUGIN,
                   "plugin %s refused to load: needs a GPU (FASTEST_EPLUGIN)");

    /* dlopen's own words vary by libc: check the part that is ours. */
    char *text_file = plugin_path("not-a-shared-object");
    ASSERT_EQ(plug_load_file(&set, text_file, session_host(), &error), FASTEST_ENOTSO);
    char prefix[4096];
    snprintf(prefix, sizeof prefix, "plugin %s refused: not a loadable shared object (", text_file);
    ASSERT_TRUE(strncmp(error, prefix, strlen(prefix)) == 0);
    ASSERT_TRUE(strstr(error, "); remove it from the plugin path or rebuild it for this "
                              "platform") != NULL);
    free(error);
    free(text_file);

    /* Refusals cost only the refused: the set still holds the good one. */
    ASSERT_EQ(set.count, 1);

    /* A whole folder: every refusal reported, the good plugin loaded once. */
    struct ft_plugin_set folder_set = {0};
    size_t refusals = 0;
    size_t loaded = plug_load_dir(&folder_set, plugin_dir, session_host(), count_refusal,
                                  &refusals);
    ASSERT_EQ(loaded, 1);
    ASSERT_EQ(refusals, 9);
    plug_unload_all(&folder_set);
    plug_unload_all(&set);
    ASSERT_EQ(set.count, 0);
    puts("plugin loader: all refusals as expected");
    return 0;
}
