#include "plugin/search_path.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "install/layout.h"

/* A folder is searched; a file is loaded as it is. */
static size_t load_entry(struct ft_plugin_set *set, const char *entry,
                         const struct fastest_host *host, ft_refusal_fn refused, void *context)
{
    struct stat info;
    if (stat(entry, &info) == 0 && S_ISDIR(info.st_mode))
        return plug_load_dir(set, entry, host, refused, context);
    char *error = NULL;
    if (plug_load_file(set, entry, host, &error) == 0)
        return 1;
    refused(context, error ? error : "plugin refused: out of memory");
    free(error);
    return 0;
}

size_t plug_load_search_path(struct ft_plugin_set *set, const char *const *configured,
                             size_t configured_count, const struct fastest_host *host,
                             ft_refusal_fn refused, void *context)
{
    size_t loaded = plug_load_dir(set, layout_plugin_dir(), host, refused, context);
    const char *environment = getenv("FASTEST_PLUGIN_PATH");
    char *folders = environment ? strdup(environment) : NULL;
    char *cursor = folders;
    for (char *folder; folders && (folder = strsep(&cursor, ":"));) {
        if (*folder)
            loaded += load_entry(set, folder, host, refused, context);
    }
    free(folders);
    for (size_t i = 0; i < configured_count; i++)
        loaded += load_entry(set, configured[i], host, refused, context);
    return loaded;
}
